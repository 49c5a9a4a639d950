// LogstatAggregate module.
