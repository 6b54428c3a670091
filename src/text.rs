//! Makes untrusted text safe to show and short enough for where it goes.
//!
//! User text is stored exactly as given; these helpers apply only when it is displayed.
