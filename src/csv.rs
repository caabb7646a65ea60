//! CSV cells for exports that people open in spreadsheets.

/// One CSV cell: quoted when it holds a separator, a quote or a line break,
/// and guarded when a spreadsheet would run it as a formula. A cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (an actor renamed
/// `=HYPERLINK(…)`) gets a leading `'`, which spreadsheets show as text.
/// Numbers are written by the callers, never through here, so `-3` stays a number.
pub fn field(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_guards_formulas() {
        assert_eq!(field("Russie"), "Russie");
        assert_eq!(field("Kim, Jong-un"), "\"Kim, Jong-un\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-x"), "'-x");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
    }
}
