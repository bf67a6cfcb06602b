//! The bytes that put text on the clipboard of the user's own terminal (OSC 52,
//! which also works over SSH), built here and written by `tui.rs`. Inside
//! tmux the sequence is sent twice: as is, for tmux to forward when its
//! `set-clipboard` is on, and wrapped in tmux's passthrough (`DCS tmux; …
//! ST`, escapes doubled), which reaches the outer terminal when
//! `allow-passthrough` is on. A terminal that receives both sets the same text.

use ratatui::crossterm::Command;
use ratatui::crossterm::clipboard::CopyToClipboard;

/// The OSC 52 sequence for `text`, wrapped for tmux's passthrough too when `tmux`.
pub fn sequence(text: &str, tmux: bool) -> String {
    let mut plain = String::new();
    // Writing to a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut plain);
    if !tmux {
        return plain;
    }
    let wrapped = format!("\x1bPtmux;{}\x1b\\", plain.replace('\x1b', "\x1b\x1b"));
    format!("{plain}{wrapped}")
}

/// Whether the explorer runs inside tmux (its clients set `$TMUX`).
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_tmux_the_sequence_is_plain_osc_52() {
        let s = sequence("magia", false);
        assert!(s.starts_with("\x1b]52;c;"), "{s:?}");
        assert!(s.contains("bWFnaWE="), "base64 of the text: {s:?}");
        assert_eq!(s.matches('\x1b').count(), 2, "OSC and its ST: {s:?}");
    }

    #[test]
    fn inside_tmux_it_is_also_wrapped_for_passthrough_with_escapes_doubled() {
        let plain = sequence("magia", false);
        let s = sequence("magia", true);
        let wrapped = s.strip_prefix(plain.as_str()).expect("plain first");
        assert!(
            wrapped.starts_with("\x1bPtmux;\x1b\x1b]52;c;bWFnaWE="),
            "{wrapped:?}"
        );
        assert!(wrapped.ends_with("\x1b\\"));
        let inner = &wrapped["\x1bPtmux;".len()..wrapped.len() - 2];
        assert_eq!(inner.replace("\x1b\x1b", "\x1b"), plain);
    }
}
