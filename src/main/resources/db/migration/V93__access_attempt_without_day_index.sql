-- The index by (facility, day) goes. No query read a range of it: HIGH_VOLUME's "day_jst in (…)"
-- scanned the facility's whole part of it, and H2 chose it for other filters too (EMERGENCY_EXEMPTION
-- pages read and sorted the facility's whole history through it) where the key, read newest first,
-- stops after the page. Every lookup paid for keeping it (docs/performance.md, section 12).
drop index access_attempt_day;
