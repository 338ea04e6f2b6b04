//! HTTP edge: handlers by resource, request limits and the JSON shape of framework errors.

pub mod audit;
pub mod auth;
pub mod checkin_pay;
pub mod checkin_select;
pub mod checkin_sign;
pub mod customers;
pub mod devices;
pub mod health;
pub mod inventory;
pub mod lane_cmd;
pub mod lane_sessions;
pub mod lanes;
pub mod limits;
pub mod openapi;
pub mod pages;
pub mod registers;
pub mod signature_views;
pub mod signatures;
pub mod staff;
pub mod telemetry;
pub mod text;
pub mod validate;
pub mod web;
pub mod wire;
pub mod ws;
