//! Behaviour of the detector as a whole, one test per promise made in the issue.
