// LogstatScan module.
