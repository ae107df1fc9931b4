//! The bytes that set a terminal up for the app and give it back, the same
//! for the local terminal and a client over SSH.

/// The alternate screen, and no cursor.
pub const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l";

/// Mouse reporting as the app uses it: button presses and releases (1000,
/// which includes the wheel) in SGR encoding (1006). Not crossterm's
/// `EnableMouseCapture`, which also turns on any-motion tracking (1003): a
/// stream of bytes for every pointer move, which floods an SSH link.
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

/// Everything that gives the screen back, in one write, on every way out
/// (quit, signals, a panic, the watchdog, a suspend): every mouse mode anyone
/// may have turned on, off; the alternate screen cleared (in default colours)
/// before it is left, because tmux re-wraps its full-width rows to a changed
/// pane width when it is left, and rows of the last frame then appear above
/// the prompt; the main screen back; the cursor shown.
pub const LEAVE: &[u8] = b"\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l\
    \x1b[0m\x1b[H\x1b[2J\x1b[?1049l\x1b[?25h";
