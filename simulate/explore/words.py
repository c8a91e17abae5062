"""The explorer's own words, in English and Dutch.

Words the report already has (chart titles, outcomes, intervals, the plain-language card)
come from :mod:`simulate.report.text`; parameters' words from their declarations. The Dutch is written as a municipality writes it.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Pathways explorer: what a programme adds for mothers on social assistance",
        "intro": (
            "Choose a programme and move its levers. The answer compares it with the base "
            "({base}): both are simulated on the same random chances, so the difference is "
            "the programme's effect. These are the numbers `simulate compare` gives for the "
            "same settings, seed and replications."),
        "language": "Nederlands",
        "programme": "Programme",
        "levers": "Levers",
        "levers_intro": ("What the municipality chooses. A value outside the plausible range "
                         "is allowed, with a warning; a value the model cannot run is "
                         "refused."),
        "plausible": "plausible",
        "span": "{lo} to {hi}",
        "reset": "Back to the programme's values",
        "refused": ("Not allowed: {what}. The answer belongs to the last setting that was "
                    "allowed."),
        "cannot_run": "This setting cannot be simulated: {what}",
        "answer": "What it adds against the base",
        "waiting": "Simulating the first {n} replications…",
        "progress": "{done} of {total} replications done",
        "refining": "first answer from {n} replications; it gets more precise as more finish",
        "final": "answer from all {n} replications",
        "tile_work": "Extra exits to work within {m} months",
        "tile_months": "Mother-months on assistance saved",
        "tile_benefit": "Benefit spending saved",
        "tile_cost": "Cost of the programme",
        "tile_coaches": "Extra cost of regular coaches",
        "tile_per_exit": "Net cost per extra exit to work",
        "tile_break_even": "Pays for itself from month",
        "tile_chance": "Chance that it pays for itself within {m} months",
        "interval": "95% interval {lo} to {hi}",
        "no_interval": "no interval yet",
        "not_within_either": "not even allowing for uncertainty",
        "not_within": "not within {m} months",
        "via_work": "via work",
        "via_noncooperation": "via stops for non-cooperation",
        "via_other_exits": "via other exits",
        "in_words": "In words",
        "download": "Download as a scenario file",
        "pin": "Pin to compare side by side",
        "pins_full": "At most four settings can be pinned; remove one first.",
        "reproduce": ("The same numbers again: download the scenario file and run, in the "
                      "project folder:"),
        "numbers": "The numbers",
        "charts": "Charts",
        "more_charts": "More charts",
        "side_by_side": "Side by side",
        "side_intro": ("Pin up to four settings to see them here side by side, in one table "
                       "and one chart."),
        "setting": "setting",
        "side_note": "Each estimate with its 95% interval below it.",
        "remove": "Remove",
        "changed": "changed: {list}",
        "unchanged": "as in the programme file",
        "reps_short": "{done} of {total} replications",
        "chart_side": ("Extra exits to work per 100 mothers reached, net cost per extra exit "
                       "and break-even month of the pinned settings, with 95% intervals"),
    },
    "nl": {
        "title": "Pathways verkenner: wat een interventie oplevert voor moeders in de bijstand",
        "intro": (
            "Kies een interventie en stel de keuzes bij. Het antwoord vergelijkt de "
            "interventie met de basis ({base}): beide worden gesimuleerd met dezelfde "
            "toevalsfactoren, zodat het verschil het effect van de interventie is. Het zijn "
            "dezelfde getallen als die van `simulate compare` bij dezelfde instellingen, "
            "startwaarde en herhalingen."),
        "language": "English",
        "programme": "Interventie",
        "levers": "Beleidskeuzes",
        "levers_intro": ("Waar de gemeente over beslist. Een waarde buiten de aannemelijke "
                         "bandbreedte mag, met een waarschuwing; een waarde waarmee het model "
                         "niet kan rekenen, wordt geweigerd."),
        "plausible": "aannemelijk",
        "span": "{lo} tot {hi}",
        "reset": "Terug naar de waarden van de interventie",
        "refused": ("Niet toegestaan: {what}. Het antwoord hoort bij de laatste instelling "
                    "die wel was toegestaan."),
        "cannot_run": "Met deze instelling kan niet worden gerekend: {what}",
        "answer": "Wat het oplevert ten opzichte van de basis",
        "waiting": "Bezig met de eerste {n} herhalingen…",
        "progress": "{done} van {total} herhalingen klaar",
        "refining": ("eerste antwoord uit {n} herhalingen; het wordt nauwkeuriger naarmate er "
                     "meer klaar zijn"),
        "final": "antwoord uit alle {n} herhalingen",
        "tile_work": "Extra uitstroom naar werk binnen {m} maanden",
        "tile_months": "Bespaarde bijstandsmaanden",
        "tile_benefit": "Bespaarde uitkeringslasten",
        "tile_cost": "Kosten van de interventie",
        "tile_coaches": "Extra kosten van reguliere klantmanagers",
        "tile_per_exit": "Nettokosten per extra uitstroom naar werk",
        "tile_break_even": "Terugverdiend vanaf maand",
        "tile_chance": "Kans dat de interventie zich binnen {m} maanden terugverdient",
        "interval": "95%-marge {lo} tot {hi}",
        "no_interval": "nog geen marge",
        "not_within_either": "ook niet met de onzekerheid meegerekend",
        "not_within": "niet binnen {m} maanden",
        "via_work": "via werk",
        "via_noncooperation": "via beëindiging wegens niet meewerken",
        "via_other_exits": "via andere uitstroom",
        "in_words": "In woorden",
        "download": "Download als scenariobestand",
        "pin": "Vastzetten voor vergelijking",
        "pins_full": "U kunt hoogstens vier instellingen vastzetten; verwijder er eerst een.",
        "reproduce": ("Dezelfde getallen opnieuw berekenen: download het scenariobestand en "
                      "voer in de projectmap uit:"),
        "numbers": "De getallen",
        "charts": "Grafieken",
        "more_charts": "Meer grafieken",
        "side_by_side": "Naast elkaar",
        "side_intro": ("Zet tot vier instellingen vast om ze hier naast elkaar te zien, in één "
                       "tabel en één grafiek."),
        "setting": "instelling",
        "side_note": "Elke schatting met de 95%-marge eronder.",
        "remove": "Verwijderen",
        "changed": "gewijzigd: {list}",
        "unchanged": "zoals in het bestand van de interventie",
        "reps_short": "{done} van {total} herhalingen",
        "chart_side": ("Extra uitstroom naar werk per 100 bereikte moeders, nettokosten per "
                       "extra uitstroom en terugverdienmaand van de vastgezette instellingen, "
                       "met 95%-marges"),
    },
}


def t(lang: str, key: str, **fields) -> str:
    """The text ``key`` in ``lang`` with its placeholders filled."""
    return TEXT[lang][key].format(**fields) if fields else TEXT[lang][key]
