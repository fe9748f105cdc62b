//! Blinksale client (skeleton).
