// LogstatClassify module.
