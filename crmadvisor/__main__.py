from crmadvisor.start import main

main()
