//! YAML with Ruby Psych semantics (YAML 1.1 scalars). See the yaml issue.
