//! Colour that fits the terminal, decided once at start: how many colours
//! it shows (its [`Depth`], from `COLORTERM` and `TERM`) and whether its
//! background is dark or light (`--theme`, the config file, `COLORFGBG`,
//! then the terminal's own answer to an OSC 11 query); and the arithmetic
//! that keeps text readable on either background at any depth (WCAG
//! contrast, the nearest colour of the 256- and 16-colour palettes).

use std::sync::OnceLock;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// 24-bit colour: `COLORTERM` is `truecolor` or `24bit`.
    TrueColor,
    /// xterm's 256 colours: `TERM` ends in `256color`.
    Ansi256,
    /// The 16 colours every colour terminal has.
    Ansi16,
}

impl Depth {
    /// From `COLORTERM` and `TERM`, as terminals and their emulators set them.
    pub fn from_env(colorterm: Option<&str>, term: Option<&str>) -> Depth {
        if matches!(colorterm, Some("truecolor" | "24bit")) {
            Depth::TrueColor
        } else if term.is_some_and(|term| term.contains("256color")) {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }
}

/// The terminal's background, which decides the code's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Background {
    Dark,
    Light,
}

impl Background {
    /// From `COLORFGBG` (`15;0`: rxvt's "foreground;background" palette
    /// indices, the background last): 7 (light grey) and 9–15 are light,
    /// the other indices dark; anything else says nothing.
    pub fn from_colorfgbg(value: &str) -> Option<Background> {
        let index: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        match index {
            7 | 9..=15 => Some(Background::Light),
            0..=6 | 8 => Some(Background::Dark),
            _ => None,
        }
    }

    /// The colour code is drawn against: the syntax theme's own background.
    fn colour(self) -> Rgb {
        match self {
            Background::Dark => Rgb(0x2b, 0x30, 0x3b),
            Background::Light => Rgb(0xff, 0xff, 0xff),
        }
    }
}

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
    pub background: Background,
}

/// The background from the first source that says: the command line, the
/// config file, `COLORFGBG`, then `query` (the terminal asked, which costs
/// a round trip, so last); dark when none does.
pub fn resolve_background(
    flag: Option<Background>,
    config: Option<Background>,
    colorfgbg: Option<&str>,
    query: impl FnOnce() -> Option<Background>,
) -> Background {
    flag.or(config)
        .or_else(|| colorfgbg.and_then(Background::from_colorfgbg))
        .or_else(query)
        .unwrap_or(Background::Dark)
}

/// The theme of this terminal: the depth from the environment, the
/// background from `flag`, `config`, `COLORFGBG`, then, when `may_ask` and
/// the terminal is ours, its answer to an OSC 11 query (at most 100 ms:
/// a terminal that does not answer costs little).
pub fn detect(flag: Option<Background>, config: Option<Background>, may_ask: bool) -> Theme {
    let var = |name| std::env::var(name).ok();
    let background = resolve_background(flag, config, var("COLORFGBG").as_deref(), || {
        may_ask.then(ask_terminal).flatten()
    });
    Theme {
        depth: Depth::from_env(var("COLORTERM").as_deref(), var("TERM").as_deref()),
        background,
    }
}

/// The terminal's answer to "what is your background colour?" (OSC 11),
/// through terminal-colorsaurus, which also tells at once a terminal that
/// will never answer.
fn ask_terminal() -> Option<Background> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = std::time::Duration::from_millis(100);
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Dark => Some(Background::Dark),
        terminal_colorsaurus::ThemeMode::Light => Some(Background::Light),
    }
}

static THEME: OnceLock<Theme> = OnceLock::new();

/// Sets the theme for the rest of the process; the first call wins.
pub fn set(theme: Theme) {
    let _ = THEME.set(theme);
}

/// The theme set at start, or the depth from the environment on a dark
/// background when none was (a test, a child process).
pub fn current() -> Theme {
    *THEME.get_or_init(|| Theme {
        depth: Depth::from_env(
            std::env::var("COLORTERM").ok().as_deref(),
            std::env::var("TERM").ok().as_deref(),
        ),
        background: Background::Dark,
    })
}

/// A colour in 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG 2's relative luminance.
    fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let channel =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }

    fn distance(self, other: Rgb) -> i32 {
        let d = |a: u8, b: u8| i32::from(a) - i32::from(b);
        d(self.0, other.0).pow(2) + d(self.1, other.1).pow(2) + d(self.2, other.2).pow(2)
    }
}

/// WCAG 2's contrast ratio, from 1 (the same) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The least change of `fg`, towards white on a dark `bg` and towards black
/// on a light one, that reads at `ratio` or better against `bg`.
pub fn readable(fg: Rgb, bg: Rgb, ratio: f64) -> Rgb {
    let target = if bg.luminance() < 0.18 {
        Rgb(255, 255, 255)
    } else {
        Rgb(0, 0, 0)
    };
    (0..=20)
        .map(|step| fg.mix(target, f64::from(step) / 20.0))
        .find(|candidate| contrast(*candidate, bg) >= ratio)
        .unwrap_or(target)
}

/// The smallest contrast code and labels keep against their background
/// (WCAG's AA level for text).
pub const MIN_CONTRAST: f64 = 4.5;

/// The escape sequence that sets the foreground to `colour` (made readable
/// on `background`) at `depth`.
pub fn foreground(colour: Rgb, theme: Theme) -> String {
    let Rgb(r, g, b) = readable(colour, theme.background.colour(), MIN_CONTRAST);
    match theme.depth {
        Depth::TrueColor => format!("\x1b[38;2;{r};{g};{b}m"),
        Depth::Ansi256 => format!("\x1b[38;5;{}m", ansi256(Rgb(r, g, b))),
        Depth::Ansi16 => format!("\x1b[{}m", ansi16(Rgb(r, g, b), theme.background)),
    }
}

/// `text` in bold and `colour` for `theme`, reset after.
pub fn paint_bold(text: &str, colour: Rgb, theme: Theme) -> String {
    format!("\x1b[1m{}{text}\x1b[0m", foreground(colour, theme))
}

/// The six levels of each channel in xterm's 6×6×6 colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The nearest colour of xterm's 256: its colour cube (16–231) or its
/// grey ramp (232–255).
fn ansi256(colour: Rgb) -> u8 {
    let level = |channel: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(CUBE[i]) - i32::from(channel)).abs())
            .unwrap_or(0)
    };
    let (r, g, b) = (level(colour.0), level(colour.1), level(colour.2));
    let cube = Rgb(CUBE[r], CUBE[g], CUBE[b]);
    let average = (u32::from(colour.0) + u32::from(colour.1) + u32::from(colour.2)) / 3;
    let grey_step = (average.saturating_sub(8) / 10).min(23) as u8;
    let grey_level = 8 + 10 * grey_step;
    let grey = Rgb(grey_level, grey_level, grey_level);
    if grey.distance(colour) < cube.distance(colour) {
        232 + grey_step
    } else {
        16 + 36 * r as u8 + 6 * g as u8 + b as u8
    }
}

/// xterm's default 16 colours, in SGR order (30–37, then 90–97).
const ANSI16: [Rgb; 16] = [
    Rgb(0, 0, 0),
    Rgb(205, 0, 0),
    Rgb(0, 205, 0),
    Rgb(205, 205, 0),
    Rgb(0, 0, 238),
    Rgb(205, 0, 205),
    Rgb(0, 205, 205),
    Rgb(229, 229, 229),
    Rgb(127, 127, 127),
    Rgb(255, 0, 0),
    Rgb(0, 255, 0),
    Rgb(255, 255, 0),
    Rgb(92, 92, 255),
    Rgb(255, 0, 255),
    Rgb(0, 255, 255),
    Rgb(255, 255, 255),
];

/// The terminal's default foreground (SGR 39).
const DEFAULT_FOREGROUND: u8 = 39;

/// The SGR code among the 16 colours for `colour`, by hue rather than by
/// distance (the themes' muted colours are all nearest to grey): a
/// greyish colour is the terminal's own foreground, or bright black when
/// dimmer (comments); a coloured one the 16's colour of its hue, its
/// bright variant where the plain one would not stand out from the
/// background (xterm's palette, black or white, as the terminal's own is
/// unknown), the foreground where neither would.
fn ansi16(colour: Rgb, background: Background) -> u8 {
    let terminal = match background {
        Background::Dark => Rgb(0, 0, 0),
        Background::Light => Rgb(255, 255, 255),
    };
    let legible = |index: usize| contrast(ANSI16[index], terminal) >= 3.0;
    let Rgb(r, g, b) = colour;
    let chroma = f64::from(r.max(g).max(b) - r.min(g).min(b)) / 255.0;
    if chroma < 0.12 {
        let dim = match background {
            Background::Dark => colour.luminance() < 0.35,
            Background::Light => colour.luminance() > 0.1,
        };
        return if dim && legible(8) {
            90
        } else {
            DEFAULT_FOREGROUND
        };
    }
    // Red 1, yellow 3, green 2, cyan 6, blue 4, magenta 5, every 60°.
    let sector = (hue(colour) / 60.0).round() as usize % 6;
    let plain = [1, 3, 2, 6, 4, 5][sector];
    if legible(plain) {
        30 + plain as u8
    } else if legible(plain + 8) {
        90 + plain as u8
    } else {
        DEFAULT_FOREGROUND
    }
}

/// The hue of `colour` in degrees, 0 to 360.
fn hue(Rgb(r, g, b): Rgb) -> f64 {
    let (r, g, b) = (f64::from(r), f64::from(g), f64::from(b));
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    if max == min {
        return 0.0;
    }
    let degrees = if max == r {
        60.0 * ((g - b) / (max - min))
    } else if max == g {
        60.0 * (2.0 + (b - r) / (max - min))
    } else {
        60.0 * (4.0 + (r - g) / (max - min))
    };
    degrees.rem_euclid(360.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_colorterm_then_term() {
        assert_eq!(
            Depth::from_env(Some("truecolor"), Some("xterm")),
            Depth::TrueColor
        );
        assert_eq!(Depth::from_env(Some("24bit"), None), Depth::TrueColor);
        assert_eq!(
            Depth::from_env(None, Some("xterm-256color")),
            Depth::Ansi256
        );
        assert_eq!(
            Depth::from_env(Some("yes"), Some("screen-256color")),
            Depth::Ansi256
        );
        assert_eq!(Depth::from_env(None, Some("xterm")), Depth::Ansi16);
        assert_eq!(Depth::from_env(None, None), Depth::Ansi16);
    }

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(Background::from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(Background::from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(
            Background::from_colorfgbg("0;default;7"),
            Some(Background::Light)
        );
        assert_eq!(Background::from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(Background::from_colorfgbg("default"), None);
        assert_eq!(Background::from_colorfgbg("0;99"), None);
    }

    #[test]
    fn the_first_source_that_says_wins_and_the_query_comes_last() {
        use Background::{Dark, Light};
        let never = || -> Option<Background> { panic!("the terminal was asked needlessly") };
        assert_eq!(
            resolve_background(Some(Light), Some(Dark), Some("15;0"), never),
            Light
        );
        assert_eq!(
            resolve_background(None, Some(Light), Some("15;0"), never),
            Light
        );
        assert_eq!(resolve_background(None, None, Some("0;15"), never), Light);
        assert_eq!(
            resolve_background(None, None, Some("odd"), || Some(Light)),
            Light
        );
        assert_eq!(resolve_background(None, None, None, || None), Dark);
    }

    #[test]
    fn contrast_is_wcags() {
        let white = Rgb(255, 255, 255);
        assert!((contrast(Rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // The dark theme's default foreground on white: the 1.7:1.
        assert!(contrast(Rgb(0xc0, 0xc5, 0xce), white) < 2.0);
    }

    #[test]
    fn readable_moves_a_colour_only_as_far_as_needed() {
        let dark = Background::Dark.colour();
        let light = Background::Light.colour();
        let pale = Rgb(0xc0, 0xc5, 0xce);
        assert_eq!(readable(pale, dark, MIN_CONTRAST), pale, "already readable");
        let darkened = readable(pale, light, MIN_CONTRAST);
        assert!(contrast(darkened, light) >= MIN_CONTRAST);
        assert!(darkened.0 < pale.0, "{darkened:?} went towards black");
        let comment = Rgb(0x65, 0x73, 0x7e);
        assert!(contrast(comment, dark) < MIN_CONTRAST);
        assert!(contrast(readable(comment, dark, MIN_CONTRAST), dark) >= MIN_CONTRAST);
    }

    #[test]
    fn the_256_palette_takes_the_nearest_cube_colour_or_grey() {
        assert_eq!(ansi256(Rgb(0, 0, 0)), 16);
        assert_eq!(ansi256(Rgb(255, 255, 255)), 231);
        assert_eq!(ansi256(Rgb(255, 0, 0)), 196);
        assert_eq!(ansi256(Rgb(128, 128, 128)), 244);
        assert_eq!(ansi256(Rgb(0, 95, 135)), 16 + 6 + 2);
    }

    #[test]
    fn sixteen_colours_go_by_hue_and_never_vanish_into_the_background() {
        let (dark, light) = (Background::Dark, Background::Light);
        // base16-ocean.dark: text, keyword (a muted purple), number, comment.
        assert_eq!(
            ansi16(Rgb(192, 197, 206), dark),
            39,
            "text is the foreground"
        );
        assert_eq!(
            ansi16(Rgb(180, 142, 173), dark),
            35,
            "a muted purple is magenta"
        );
        assert_eq!(ansi16(Rgb(208, 135, 112), dark), 31, "an orange is red");
        assert_eq!(ansi16(Rgb(101, 115, 126), dark), 90, "a comment is dimmer");
        assert_eq!(
            ansi16(Rgb(0, 0, 200), dark),
            94,
            "bright blue: blue is too dark on black"
        );
        assert_eq!(ansi16(Rgb(200, 200, 0), light), 39, "no yellow on white");
        assert_eq!(ansi16(Rgb(50, 50, 50), light), 39);
        assert_eq!(ansi16(Rgb(120, 120, 120), light), 90);
        assert_eq!(ansi16(Rgb(167, 29, 93), light), 31, "a crimson is red");
        assert_eq!(ansi16(Rgb(150, 60, 160), light), 35);
    }

    #[test]
    fn escapes_follow_the_depth() {
        let red = Rgb(200, 30, 30);
        let theme = |depth| Theme {
            depth,
            background: Background::Light,
        };
        assert!(foreground(red, theme(Depth::TrueColor)).starts_with("\x1b[38;2;"));
        assert!(foreground(red, theme(Depth::Ansi256)).starts_with("\x1b[38;5;"));
        assert_eq!(foreground(red, theme(Depth::Ansi16)), "\x1b[31m");
        assert_eq!(hue(Rgb(0, 255, 0)), 120.0);
        assert_eq!(hue(Rgb(255, 0, 255)), 300.0);
    }
}
