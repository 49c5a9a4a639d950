// LogstatTime module.
