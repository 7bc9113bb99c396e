// Fonts are self-hosted from npm (no network in the boardroom); only the Latin subsets load.
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import './deck.css'
