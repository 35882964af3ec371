"""Text a test fork adds in German in its own layer, shared by the fork tests: interface strings and two model items."""

GERMAN_TEXT = {
    "local/text/de/ui.yml": """\
ui:
  language_name: Deutsch
  nav_model: Das Modell
  localise_fallback_title: Noch nicht übersetzt
  localise_fallback_notice: Teile dieser Seite sind noch nicht übersetzt und erscheinen auf Englisch.
""",
    "local/text/de/model.yml": """\
dimensions:
  '7.1':
    title: Dimension 7.1 DE
    summary: Zusammenfassung 7.1 DE.
subelements:
  7.1.1.a:
    title: Teil 7.1.1.a DE
    summary: Zusammenfassung 7.1.1.a DE.
    why: Warum 7.1.1.a DE.
""",
}
