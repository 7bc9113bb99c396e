// Fonts are self-hosted (no network in the boardroom): Inter from @fontsource/inter, subset by scripts/fonts.ts.
import './fonts.css'
import './deck.css'
