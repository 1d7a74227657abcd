//! Tomwerk: an offline editor for the technical and organisational measures (TOM) under Art. 32 GDPR.

pub mod app;
pub mod catalogue;
pub mod checks;
pub mod cli;
pub mod diff;
pub mod export;
pub mod i18n;
pub mod import;
pub mod model;
pub mod spell;
pub mod store;
