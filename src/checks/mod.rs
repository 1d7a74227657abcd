//! Completeness checks: findings with a level, a location and a localised message.
