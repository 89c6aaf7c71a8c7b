//! Procedures written for these tests (`tests/fixtures`), which the rules were not tuned on: each
//! was drawn as the administration concerned runs it, and each test lists what an expert of that
//! administration flags, and the near misses they would not, written down before the analysis was
//! run. A rule change that breaks one of them reads a real procedure differently: look at the
//! procedure before changing the expectation.

mod kit;

mod abroad;
mod business;
mod civil_status;
mod culture;
mod elections;
mod environment;
mod family;
mod farming;
mod health;
mod higher_education;
mod housing;
mod internal;
mod justice;
mod labour;
mod planning;
mod public_space;
mod region;
mod retirement;
mod schools;
mod security;
mod social;
mod state;
mod tourism;
mod town_hall;
mod transport;
mod utilities;
mod veterans;
mod youth;
