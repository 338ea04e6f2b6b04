//! A small, deterministic A4 document writer over `pdf-writer`: headings, wrapped paragraphs,
//! label/value rows, one image, file attachments, a footer on every page. Nothing in the output
//! depends on the clock, the machine or a hash map's order, so the same input gives the same
//! bytes (the certificate's SHA-256 is stable).
//!
//! Text is set in the PDF base fonts (Helvetica, Courier) with WinAnsi encoding: characters
//! outside it are shown as `?` on the page. The exact UTF-8 texts travel as attachments, which
//! are what the hashes cover.

use pdf_writer::types::AssociationKind;
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = 64.0;
const LABEL_WIDTH: f32 = 150.0;

/// A typeface of the document.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Helvetica
    Regular,
    /// Helvetica-Bold
    Bold,
    /// Courier (hashes and ids)
    Mono,
}

impl Face {
    fn name(self) -> Name<'static> {
        match self {
            Face::Regular => Name(b"F1"),
            Face::Bold => Name(b"F2"),
            Face::Mono => Name(b"F3"),
        }
    }

    /// Width of a character in thousandths of the font size.
    fn width(self, c: char) -> f32 {
        match self {
            Face::Mono => 600.0,
            Face::Regular | Face::Bold => helvetica_width(c) + if self == Face::Bold { 30.0 } else { 0.0 },
        }
    }
}

/// Helvetica's advance widths (AFM) for printable ASCII; other characters count as 600.
fn helvetica_width(c: char) -> f32 {
    const ASCII: &[u16; 95] = &[
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
        611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];
    match c as u32 {
        n @ 32..=126 => f32::from(ASCII[(n - 32) as usize]),
        _ => 600.0,
    }
}

/// The WinAnsi byte of a character (`?` when it has none).
pub fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        '\t' => b' ',
        _ => b'?',
    }
}

fn encode(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi).collect()
}

fn text_width(face: Face, size: f32, text: &str) -> f32 {
    text.chars().map(|c| face.width(c)).sum::<f32>() * size / 1000.0
}

/// Breaks one paragraph into lines no wider than `width`; a word longer than a line is cut.
pub fn wrap(face: Face, size: f32, width: f32, paragraph: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if text_width(face, size, &candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while text_width(face, size, rest) > width {
            let mut cut = rest.char_indices().map(|(i, _)| i).take_while(|&i| text_width(face, size, &rest[..i]) <= width).last();
            cut = cut.filter(|&i| i > 0);
            let at = cut.unwrap_or_else(|| rest.char_indices().nth(1).map_or(rest.len(), |(i, _)| i));
            lines.push(rest[..at].to_owned());
            rest = &rest[at..];
        }
        line = rest.to_owned();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A raster image ready for the page: 8-bit RGB, its alpha, both zlib-compressed.
pub struct Picture {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    alpha: Vec<u8>,
}

impl Picture {
    /// Decodes a PNG (`None` when the bytes are not a PNG the image crate reads).
    pub fn from_png(png: &[u8]) -> Option<Picture> {
        let image = image::load_from_memory_with_format(png, image::ImageFormat::Png).ok()?.to_rgba8();
        let (width, height) = image.dimensions();
        let mut rgb = Vec::with_capacity((width * height * 3) as usize);
        let mut alpha = Vec::with_capacity((width * height) as usize);
        for pixel in image.pixels() {
            rgb.extend_from_slice(&pixel.0[..3]);
            alpha.push(pixel.0[3]);
        }
        let deflate = |bytes: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6);
        Some(Picture { width, height, rgb: deflate(&rgb), alpha: deflate(&alpha) })
    }
}

/// A file carried inside the PDF.
pub struct Attachment {
    /// file name (sorted ascending by the caller: the name tree requires it)
    pub name: &'static str,
    /// MIME type
    pub mime: &'static [u8],
    /// one line saying what it is
    pub description: &'static str,
    /// the bytes
    pub bytes: Vec<u8>,
}

/// What the document says about itself (the Info dictionary).
pub struct Meta {
    /// title
    pub title: String,
    /// subject
    pub subject: String,
    /// creation date (a fact of the record, never the clock)
    pub created: chrono::DateTime<chrono::Utc>,
    /// the PDF file identifier
    pub file_id: Vec<u8>,
    /// extra Info keys (name, value), written in this order
    pub keys: Vec<(&'static [u8], String)>,
    /// the footer's left text
    pub footer: String,
}

/// A document being laid out, page by page.
pub struct Document {
    pages: Vec<Content>,
    y: f32,
    picture: Option<Picture>,
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}

impl Document {
    /// An empty document with its first page.
    pub fn new() -> Document {
        Document { pages: vec![Content::new()], y: PAGE.1 - MARGIN, picture: None }
    }

    fn page(&mut self) -> &mut Content {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `height` points, starting a new page when this one is full.
    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Content::new());
            self.y = PAGE.1 - MARGIN;
        }
    }

    fn line_at(&mut self, face: Face, size: f32, x: f32, text: &str) {
        let y = self.y;
        let content = self.page();
        content.begin_text();
        content.set_font(face.name(), size);
        content.next_line(x, y);
        content.show(Str(&encode(text)));
        content.end_text();
    }

    /// Vertical space.
    pub fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// A section heading.
    pub fn heading(&mut self, size: f32, text: &str) {
        self.room(size * 2.6);
        self.y -= size * 1.2;
        self.line_at(Face::Bold, size, MARGIN, text);
        self.y -= size * 0.5;
    }

    /// Paragraphs (split on line breaks), wrapped to the page.
    pub fn paragraphs(&mut self, face: Face, size: f32, text: &str) {
        let width = PAGE.0 - 2.0 * MARGIN;
        for paragraph in text.split('\n') {
            for line in wrap(face, size, width, paragraph.trim_end_matches('\r')) {
                self.room(size * 1.35);
                self.y -= size * 1.35;
                self.line_at(face, size, MARGIN, &line);
            }
        }
    }

    /// A label and its value (wrapped in the value column).
    pub fn row(&mut self, label: &str, face: Face, value: &str) {
        let size = if face == Face::Mono { 8.5 } else { 10.0 };
        let width = PAGE.0 - 2.0 * MARGIN - LABEL_WIDTH;
        let lines = wrap(face, size, width, value);
        self.room(13.0 * lines.len() as f32);
        for (i, line) in lines.iter().enumerate() {
            self.y -= 13.0;
            if i == 0 {
                self.line_at(Face::Regular, 9.0, MARGIN, label);
            }
            self.line_at(face, size, MARGIN + LABEL_WIDTH, line);
        }
    }

    /// Places the document's one picture, at most `max_width` × `max_height` points.
    pub fn picture(&mut self, picture: Picture, max_width: f32, max_height: f32) {
        let scale = (max_width / picture.width as f32).min(max_height / picture.height as f32);
        let (w, h) = (picture.width as f32 * scale, picture.height as f32 * scale);
        self.room(h + 12.0);
        self.y -= h + 6.0;
        let (x, y) = (MARGIN + LABEL_WIDTH, self.y);
        let content = self.page();
        content.save_state();
        content.set_stroke_gray(0.6);
        content.rect(x - 2.0, y - 2.0, w + 4.0, h + 4.0);
        content.stroke();
        content.transform([w, 0.0, 0.0, h, x, y]);
        content.x_object(Name(b"Im1"));
        content.restore_state();
        self.y -= 6.0;
        self.picture = Some(picture);
    }

    /// The finished PDF.
    pub fn finish(self, meta: &Meta, attachments: &[Attachment]) -> Vec<u8> {
        let mut next = 1;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let (catalog_id, tree_id, info_id) = (alloc(), alloc(), alloc());
        let fonts = [alloc(), alloc(), alloc()];
        let (image_id, mask_id) = (alloc(), alloc());
        let page_ids: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();
        let files: Vec<(Ref, Ref)> = attachments.iter().map(|_| (alloc(), alloc())).collect();

        let mut pdf = Pdf::new();
        pdf.set_file_id((meta.file_id.clone(), meta.file_id.clone()));
        {
            let mut catalog = pdf.catalog(catalog_id);
            catalog.pages(tree_id);
            let mut names = catalog.names();
            let mut tree = names.embedded_files();
            let mut entries = tree.names();
            for (a, (spec, _)) in attachments.iter().zip(&files) {
                entries.insert(Str(a.name.as_bytes()), *spec);
            }
        }
        pdf.pages(tree_id).kids(page_ids.iter().map(|(p, _)| *p)).count(page_ids.len() as i32);
        write_info(&mut pdf, info_id, meta);
        for (id, base) in fonts.iter().zip([&b"Helvetica"[..], b"Helvetica-Bold", b"Courier"]) {
            pdf.type1_font(*id).base_font(Name(base)).encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        let has_picture = self.picture.is_some();
        if let Some(p) = &self.picture {
            let mut image = pdf.image_xobject(image_id, &p.rgb);
            image.filter(Filter::FlateDecode);
            image.width(p.width as i32).height(p.height as i32);
            image.color_space().device_rgb();
            image.bits_per_component(8).s_mask(mask_id);
            image.finish();
            let mut mask = pdf.image_xobject(mask_id, &p.alpha);
            mask.filter(Filter::FlateDecode);
            mask.width(p.width as i32).height(p.height as i32);
            mask.color_space().device_gray();
            mask.bits_per_component(8);
        }
        let total = self.pages.len();
        for (i, (mut content, (page_id, content_id))) in self.pages.into_iter().zip(&page_ids).enumerate() {
            footer(&mut content, &meta.footer, i + 1, total);
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1)).parent(tree_id).contents(*content_id);
            let mut resources = page.resources();
            let mut f = resources.fonts();
            for (face, id) in [Face::Regular, Face::Bold, Face::Mono].into_iter().zip(&fonts) {
                f.pair(face.name(), *id);
            }
            f.finish();
            if has_picture {
                resources.x_objects().pair(Name(b"Im1"), image_id);
            }
            resources.finish();
            page.finish();
            let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6);
            pdf.stream(*content_id, &compressed).filter(Filter::FlateDecode);
        }
        for (a, (spec_id, file_id)) in attachments.iter().zip(&files) {
            let mut spec = pdf.file_spec(*spec_id);
            spec.path(Str(a.name.as_bytes())).unic_file(TextStr(a.name)).description(TextStr(a.description));
            spec.association_kind(AssociationKind::Source).embedded_file_with_unicode(*file_id);
            spec.finish();
            let mut file = pdf.embedded_file(*file_id, &a.bytes);
            file.subtype(Name(a.mime));
            file.params().size(a.bytes.len() as i32);
        }
        pdf.finish()
    }
}

fn write_info(pdf: &mut Pdf, id: Ref, meta: &Meta) {
    use chrono::{Datelike, Timelike};
    let c = meta.created;
    let date = Date::new(c.year() as u16)
        .month(c.month() as u8)
        .day(c.day() as u8)
        .hour(c.hour() as u8)
        .minute(c.minute() as u8)
        .second(c.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    let mut info = pdf.document_info(id);
    info.title(TextStr(&meta.title)).subject(TextStr(&meta.subject)).producer(TextStr("frontdesk")).creation_date(date);
    for (key, value) in &meta.keys {
        info.pair(Name(key), Str(value.as_bytes()));
    }
}

fn footer(content: &mut Content, text: &str, page: usize, total: usize) {
    content.set_fill_gray(0.35);
    content.begin_text();
    content.set_font(Face::Regular.name(), 7.5);
    content.next_line(MARGIN, 36.0);
    content.show(Str(&encode(&format!("{text} · page {page} of {total}"))));
    content.end_text();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_each_line_fits() {
        let text = "The member agrees to the club's rules and to pay for the time block chosen on the kiosk; a supercalifragilisticexpialidociouslylongwordthatcannotfit";
        let lines = wrap(Face::Regular, 10.0, 120.0, text);
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(Face::Regular, 10.0, l) <= 120.0), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(wrap(Face::Regular, 10.0, 120.0, ""), vec![String::new()], "an empty paragraph is a blank line");
    }

    #[test]
    fn win_ansi_keeps_latin_and_marks_the_rest() {
        assert_eq!(encode("Año “ok” – 5€"), b"A\xf1o \x93ok\x94 \x96 5\x80".to_vec());
        assert_eq!(encode("王"), b"?".to_vec());
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let build = || {
            let mut d = Document::new();
            d.heading(16.0, "Title");
            d.paragraphs(Face::Regular, 10.0, &"word ".repeat(2000));
            let meta = Meta {
                title: "t".into(),
                subject: "s".into(),
                created: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
                file_id: vec![1; 16],
                keys: vec![(b"K", "v".into())],
                footer: "f".into(),
            };
            d.finish(&meta, &[Attachment { name: "a.txt", mime: b"text/plain", description: "a", bytes: b"hello".to_vec() }])
        };
        let (a, b) = (build(), build());
        assert_eq!(a, b);
        assert!(a.starts_with(b"%PDF-"));
    }
}
