//! The invoice's typeface: DejaVu Sans, regular and bold (`crates/wpplay-server/fonts/`,
//! with its licence), embedded in each PDF as a subset holding only the glyphs the page
//! shows. Serbian Latin and Cyrillic print, and a PDF reader extracts them as text: each
//! glyph is mapped back to its character (`/ToUnicode`).
//!
//! Written as the PDF's composite font (Type 0 over a CIDFontType2, `Identity-H`): text is
//! two-byte glyph numbers of the subset, numbered as they first appear on the page.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// The PDF objects one typeface takes, from its first reference on.
pub const OBJECTS: i32 = 5;

/// One of the two weights, as a page uses it.
pub struct Typeface {
    /// The PostScript name, with the six-letter tag PDF gives a subset.
    name: &'static str,
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    remapper: GlyphRemapper,
    /// What each glyph of the subset shows, for `/ToUnicode`.
    chars: BTreeMap<u16, char>,
}

/// The font files are part of the binary; one that does not parse is a broken build,
/// which `tests::both_weights_cover_serbian_and_cyrillic` catches.
fn face(data: &'static [u8]) -> Option<ttf_parser::Face<'static>> {
    ttf_parser::Face::parse(data, 0).ok()
}

impl Typeface {
    pub fn regular() -> Option<Self> {
        Self::new("WPPLAY+DejaVuSans", REGULAR)
    }

    pub fn bold() -> Option<Self> {
        Self::new("WPPLAY+DejaVuSans-Bold", BOLD)
    }

    fn new(name: &'static str, data: &'static [u8]) -> Option<Self> {
        let mut remapper = GlyphRemapper::new();
        // The subset's glyph 0 is the font's .notdef.
        remapper.remap(0);
        Some(Self {
            name,
            data,
            face: face(data)?,
            remapper,
            chars: BTreeMap::new(),
        })
    }

    /// `text` as this font's two-byte codes; a character the font lacks shows as `?`.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (c, glyph) = match self.face.glyph_index(c) {
                Some(g) => (c, g.0),
                None => ('?', self.face.glyph_index('?').map_or(0, |g| g.0)),
            };
            let cid = self.remapper.remap(glyph);
            self.chars.entry(cid).or_insert(c);
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// How wide `text` is at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .filter_map(|c| self.face.glyph_index(c))
            .filter_map(|g| self.face.glyph_hor_advance(g))
            .map(u32::from)
            .sum();
        #[allow(clippy::cast_precision_loss)]
        let units = units as f32;
        units * size / f32::from(self.face.units_per_em())
    }

    /// Writes the font as objects `id` to `id + OBJECTS - 1`; `false` when the subset
    /// could not be made (the page then has no usable font).
    pub fn write(&self, pdf: &mut Pdf, id: Ref) -> bool {
        let Ok(program) = subsetter::subset(self.data, 0, &self.remapper) else {
            return false;
        };
        let [cid_font, descriptor, file, cmap] = [1, 2, 3, 4].map(|n| Ref::new(id.get() + n));
        let units = f32::from(self.face.units_per_em());
        let scale = |v: i16| f32::from(v) * 1000.0 / units;
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };

        pdf.type0_font(id)
            .base_font(Name(self.name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(cmap);

        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|old| {
                let advance = self
                    .face
                    .glyph_hor_advance(ttf_parser::GlyphId(old))
                    .unwrap_or(0);
                f32::from(advance) * 1000.0 / units
            })
            .collect();
        pdf.cid_font(cid_font)
            .subtype(CidFontType::Type2)
            .base_font(Name(self.name.as_bytes()))
            .system_info(system)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"))
            .widths()
            .consecutive(0, widths);

        let bbox = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(Name(self.name.as_bytes()))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                scale(bbox.x_min),
                scale(bbox.y_min),
                scale(bbox.x_max),
                scale(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(scale(self.face.ascender()))
            .descent(scale(self.face.descender()))
            .cap_height(scale(self.face.capital_height().unwrap_or(700)))
            .stem_v(80.0)
            .font_file2(file);

        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&program, 6);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(program.len()).unwrap_or(i32::MAX),
            );

        let mut unicode = UnicodeCmap::new(Name(b"WPPLAY-UCS"), system);
        for (&cid, &c) in &self.chars {
            unicode.pair(cid, c);
        }
        pdf.cmap(cmap, &unicode.finish())
            .name(Name(b"WPPLAY-UCS"))
            .system_info(system);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_weights_cover_serbian_and_cyrillic() {
        for data in [REGULAR, BOLD] {
            let face = face(data).expect("the bundled font parses");
            for c in "ČčĆćĐđŠšŽžЂђЈјЉљЊњЋћЏџЖжШшЧчАаЯя€–„“".chars()
            {
                assert!(face.glyph_index(c).is_some(), "{c} is missing");
            }
        }
    }

    #[test]
    fn a_glyph_keeps_its_number_and_the_first_character_it_showed() {
        let mut font = Typeface::regular().expect("font");
        let first = font.encode("Ћао");
        assert_eq!(
            font.encode("Ћ"),
            first[..2],
            "the same glyph, the same code"
        );
        assert_eq!(first.len(), 6, "two bytes a character");
        assert_eq!(
            font.chars.get(&1),
            Some(&'Ћ'),
            "numbered from 1; 0 is .notdef"
        );
        let missing = font.encode("\u{10FFFF}");
        assert_eq!(missing, font.encode("?"), "what the font lacks shows as ?");
    }
}
