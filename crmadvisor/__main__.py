from crmadvisor.cli import main

main()
