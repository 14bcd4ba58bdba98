// The entry point: parse, run, and turn every failure into one French line.
KiosqueMain.run()
