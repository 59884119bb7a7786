//! The `---` block at the top of a Markdown file: where the YAML is and where the body starts.
//! Nothing here reads the YAML.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::Block;

/// Where the parts of a Markdown file are.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_first_line: usize,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

impl<'a> Split<'a> {
    /// The YAML of the front matter, with lines counted from the top of `file` (the file this
    /// split was made from).
    pub fn block(&self, file: &'a SourceFile) -> Block<'a> {
        Block {
            file,
            text: self.yaml,
            first_line: self.yaml_first_line,
        }
    }
}

/// Finds the `---` block at the very top of the file.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = &file.text;
    let first = file.line_text(1);
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(
            Code::Frontmatter,
            file.display.clone(),
            msg!("frontmatter-no-top-block"),
        )
        .at(Some(file.position_at_line(
            1,
            1,
            first.chars().count().clamp(1, 40),
        )))
        .with_hint(msg!("frontmatter-no-top-block-hint")));
    }
    let yaml_start = file.line_start(2);
    let mut offset = yaml_start;
    for line in text.get(yaml_start..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body_start,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        Code::Frontmatter,
        file.display.clone(),
        msg!("frontmatter-not-closed"),
    )
    .at(Some(file.position_at_line(1, 1, 3)))
    .with_hint(msg!("frontmatter-not-closed-hint")))
}
