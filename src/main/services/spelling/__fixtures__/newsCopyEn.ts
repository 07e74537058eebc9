/**
 * A short British news story for the English spelling test, written for it. Every key of
 * TO_AMERICAN occurs in it in lower case.
 */
export const NEWS_COPY_EN_GB: readonly string[] = [
  'Council approves new arts centre after years of delay',
  'The city council has approved plans for a new arts centre in the old market hall, ending a ' +
    'debate that has divided the neighbourhood for almost a decade. The building will house a ' +
    'theatre with four hundred seats, rehearsal rooms for local bands and a small cinema.',
  'Councillors voted by twenty-eight to twelve in favour of the scheme on Tuesday evening. The ' +
    'leader of the council said residents had waited long enough. “We have analysed every ' +
    'option, and this is the one that the people who live here asked for,” she told the meeting. ' +
    'Opponents argued that the money should instead be spent on repairing roads and on the ' +
    'defence of the riverbank against flooding.',
  'The project will cost around nine million pounds. Most of it comes from a national ' +
    'programme for cultural buildings, with the rest borrowed by the council. Organisers of the ' +
    'weekly farmers’ market, which has travelled between three car parks since the hall closed, ' +
    'will get a permanent home on the ground floor.',
  'Local labour unions welcomed the decision, which they said would create jobs for builders ' +
    'and, later, for staff at the centre. A spokesman for the theatre group that organised the ' +
    'campaign said its members had realised early on that only a broad coalition could win the ' +
    'vote. Their favourite idea, a rooftop garden in the colour of the old hall’s tiles, made it ' +
    'into the final design.',
  'Work is due to begin in the spring. The council will publish a catalogue of the objects ' +
    'found in the hall, some of them more than a hundred years old, before the builders move in.'
]

/** British spelling → American spelling, for words in the copy above (case as written there). */
export const TO_AMERICAN: Readonly<Record<string, string>> = {
  Councillors: 'Councilors',
  Organisers: 'Organizers',
  programme: 'program',
  centre: 'center',
  neighbourhood: 'neighborhood',
  theatre: 'theater',
  favour: 'favor',
  analysed: 'analyzed',
  defence: 'defense',
  travelled: 'traveled',
  labour: 'labor',
  organised: 'organized',
  realised: 'realized',
  favourite: 'favorite',
  colour: 'color',
  catalogue: 'catalog'
}
