//! What one rule's hook call may use: steps, processor time, depth, sizes. The engine sets them
//! and the messages that stop a rule name them.

use std::time::Duration;

/// Steps one hook call may take (each operator, call or loop turn is one step).
pub(crate) const MAX_OPERATIONS: u64 = 1_000_000;
/// Processor time one hook call may take, whatever it does. Measured on the thread running the
/// rule (not the wall clock), so that a busy machine does not stop a rule that would pass on an
/// idle one.
pub(crate) const TIME_LIMIT: Duration = Duration::from_secs(1);
/// How deep functions may call each other.
pub(crate) const MAX_CALL_LEVELS: usize = 32;
/// How deep expressions may nest (at the top level, inside functions).
pub(crate) const MAX_EXPR_DEPTHS: (usize, usize) = (64, 32);
pub(crate) const MAX_STRING_SIZE: usize = 10_000;
pub(crate) const MAX_ARRAY_SIZE: usize = 10_000;
pub(crate) const MAX_MAP_SIZE: usize = 1_000;
pub(crate) const MAX_VARIABLES: usize = 1_000;
pub(crate) const MAX_FUNCTIONS: usize = 200;
