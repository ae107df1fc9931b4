//! What `serve` was asked for, from its flags and the config: where to
//! listen, who may come in, the limits, and how every session starts.

use std::path::PathBuf;

use super::Limits;
use crate::app::keymap::Keymap;
use crate::i18n::Lang;
use crate::theme::Theme;
use crate::theme::color::ColorChoice;

/// How every session starts: the config's and the command line's choices.
/// Colour depth is each client's own (from its `TERM`, `COLORTERM`, `NO_COLOR`).
#[derive(Debug, Clone)]
pub struct Look {
    /// The theme named (the default one when absent).
    pub theme: Option<Theme>,
    /// `--color`, resolved per client when `auto`.
    pub color: ColorChoice,
    /// The interface language, when not the document's.
    pub lang: Option<Lang>,
    /// The key bindings.
    pub keymap: Keymap,
    /// Whether sessions report the mouse.
    pub mouse: bool,
    /// Whether sessions start presenting.
    pub presenting: bool,
}

impl Default for Look {
    /// The app's defaults: the default theme, colours as each client's
    /// terminal allows, the document's language, the default keys, the mouse
    /// on, browsing.
    fn default() -> Self {
        Self {
            theme: None,
            color: ColorChoice::Auto,
            lang: None,
            keymap: Keymap::default(),
            mouse: true,
            presenting: false,
        }
    }
}

impl Look {
    /// How sessions start, from the command line and the config: `theme` as
    /// named (checked already), every session starting in the presentation
    /// when `presenting`.
    pub fn new(
        start: &crate::commands::cli::StartArgs,
        settings: &crate::commands::config::Settings,
        theme: Option<Theme>,
        presenting: bool,
    ) -> Self {
        Self {
            theme,
            color: start
                .color
                .or(settings.config.color)
                .unwrap_or(ColorChoice::Auto),
            lang: start.lang.or(settings.config.lang),
            keymap: settings.keymap.clone(),
            mouse: !start.no_mouse && settings.config.mouse.unwrap_or(true),
            presenting,
        }
    }
}

/// What `serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to listen on (`HOST:PORT`; a host name is resolved).
    pub listen: String,
    /// The host key's file; `None`: the user's state directory.
    pub host_key: Option<PathBuf>,
    /// Only these keys may connect; `None`: anyone who reaches the port.
    pub authorized_keys: Option<PathBuf>,
    /// These keys present: their sessions drive the room and see the notes.
    pub presenter_keys: Option<PathBuf>,
    /// A workshop: participants follow the presenter.
    pub workshop: bool,
    /// The limits.
    pub limits: Limits,
    /// How sessions start.
    pub look: Look,
}

impl Options {
    /// The server's options from its flags: listening on `listen`, a
    /// workshop (participants follow) when `workshop`.
    pub fn new(
        args: &crate::commands::cli::ServerArgs,
        listen: &str,
        workshop: bool,
        look: Look,
    ) -> Self {
        Self {
            listen: listen.to_string(),
            host_key: args.host_key.clone(),
            authorized_keys: args.authorized_keys.clone(),
            presenter_keys: args.presenter_keys.clone(),
            workshop,
            limits: Limits {
                max_sessions: args.max_sessions as usize,
                per_ip_per_minute: args.max_per_minute as usize,
                idle_timeout: args.idle_timeout,
                max_session: args.max_session,
                max_size: args.max_size,
                login_timeout: args.login_timeout,
            },
            look,
        }
    }
}
