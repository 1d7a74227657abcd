//! The catalogue of typical measures per canonical section, embedded from assets/.
