// LogstatReport module.
