"""The interactive questionnaire: questions declared as steps, asked one at a time by one engine.

`steps` declares what is asked (no terminal code); `engine` asks a list of steps with back, saving
after every answer, Ctrl-C and resume; `assessment` and `loyalty` are the two lists of steps.
Importing this package imports no questionary: the modules that ask do, when a command asks.
"""
