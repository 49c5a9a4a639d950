// LogstatSource module.
