/**
 * Get somebody out to me Saturday, send your guy round: someone sent to the caller, which asks for
 * a visit. Read by the permission engine (a booking) and the built-in agent (a step asked) alike.
 */
export const SOMEONE_SENT_EN = String.raw`(?:get|send)\s+(?:somebody|someone|a (?:tech|technician|guy|man|bloke|plumber|person|fella)|your (?:guy|tech|man|fella))\s+(?:out|over|round|around)\b`;
