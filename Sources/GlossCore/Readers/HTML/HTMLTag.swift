/// The HTML elements the reader tells apart, and how each lays out its text, as a browser's default
/// style sheet does: inline text runs into the paragraph around it; block elements start and end one.
/// Other element names (custom elements, old or misspelt tags) are `.other`, which lays out as its
/// content does.
enum HTMLTag: UInt8, CaseIterable {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, map
    case picture, source, track, img, input, button, select, option, optgroup, textarea, datalist, output, progress,
        meter
    case br, wbr, hr
    case p, div, span, a, em, strong, b, i, u, s, small, big, sub, sup, mark, abbr, cite, q, dfn, code, kbd, samp, tt
    case `var`, time, data, font, label, del, ins, strike, bdi, bdo, ruby, rt, rp, nobr
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, menu, dir
    case blockquote, pre, listing, xmp, plaintext
    case figure, figcaption
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case article, section, main, header, footer, nav, aside, address, details, summary, dialog, hgroup, search
    case form, fieldset, legend, center, frameset, frame, noframes
    /// AMP's ads, embeds and widgets, which hold no article text.
    case ampAd, ampEmbed, ampStickyAd, ampAnalytics, ampConsent, ampSocialShare, ampIframe, ampList

    /// Tag names as libxml2 reports them (lowercase).
    static let byName: [String: HTMLTag] = {
        var names: [String: HTMLTag] = [:]
        for tag in allCases where tag != .other { names[tag.name] = tag }
        return names
    }()

    var name: String {
        switch self {
        case .var: return "var"
        case .ampAd: return "amp-ad"
        case .ampEmbed: return "amp-embed"
        case .ampStickyAd: return "amp-sticky-ad"
        case .ampAnalytics: return "amp-analytics"
        case .ampConsent: return "amp-consent"
        case .ampSocialShare: return "amp-social-share"
        case .ampIframe: return "amp-iframe"
        case .ampList: return "amp-list"
        default: return String(describing: self)
        }
    }

    /// How the element lays out its text.
    enum Display {
        /// Runs into the surrounding text.
        case inline
        /// Starts and ends a block of its own.
        case block
        /// Holds no text a reader sees (scripts, media, form controls, the head).
        case hidden
        /// A line break inside the text.
        case lineBreak
    }

    var display: Display {
        switch self {
        case .head, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math, .iframe, .object,
            .embed, .canvas, .video, .audio, .map, .picture, .source, .track, .img, .input, .button, .select, .option,
            .optgroup, .textarea, .datalist, .output, .progress, .meter, .frameset, .frame, .noframes, .rp, .dialog,
            .ampAd, .ampEmbed, .ampStickyAd, .ampAnalytics, .ampConsent, .ampSocialShare, .ampIframe, .ampList:
            return .hidden
        case .br:
            return .lineBreak
        case .html, .body, .p, .div, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .menu, .dir,
            .blockquote, .pre, .listing, .xmp, .plaintext, .figure, .figcaption, .table, .caption, .thead, .tbody,
            .tfoot, .tr, .td, .th, .colgroup, .col, .article, .section, .main, .header, .footer, .nav, .aside,
            .address, .details, .summary, .hgroup, .search, .form, .fieldset, .legend, .center:
            return .block
        default:
            return .inline
        }
    }

    /// h1 … h6 as 1 … 6.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }

    /// Text kept as written: spaces and line breaks are not collapsed.
    var preservesWhitespace: Bool {
        self == .pre || self == .listing || self == .xmp || self == .plaintext
    }
}
