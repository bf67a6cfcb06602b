//! What several test files share. Each integration test is its own crate and
//! uses only part of this, so unused items are not warnings here.
#![allow(dead_code, unused_macros, unused_imports)]

pub mod cached;
pub mod screens;
pub mod tmux;
