//! What a block is refused for before the YAML parser sees it: flow collections nested so
//! deep that parsing them would stall a build.

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing: the
/// YAML parser takes time quadratic in the depth, so a pasted wall of brackets could stall a
/// build.
pub(super) const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset where flow nesting first exceeds [`MAX_FLOW_DEPTH`], if it does.
pub(super) fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (_, '\n') => {
                comment = false;
                if quote == Some('\'') {
                    continue;
                }
            }
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: 5,000 nested `[` took the YAML parser 40 ms per content type (quadratic).
    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        assert_eq!(too_deep(&"[".repeat(64)), None);
        assert_eq!(too_deep(&"[".repeat(65)), Some(64));
        assert_eq!(
            too_deep(&format!("title: \"{}\"", "[".repeat(100))),
            None,
            "quoted text is not nesting"
        );
        assert_eq!(
            too_deep(&format!("# {}\ntags: []", "[".repeat(100))),
            None,
            "comments are not nesting"
        );
    }
}
