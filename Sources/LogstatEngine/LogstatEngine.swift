// LogstatEngine module.
