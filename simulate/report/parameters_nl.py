"""The declared parameters in Dutch: description, unit and source, for the Dutch report.

The English texts live beside each declaration (:mod:`simulate.parameters` and the policy
modules); the Dutch ones live here so that the declarations stay one line of meaning
each. A declaration may carry its own ``doc_nl`` and ``unit_nl``; those win over this
table. ``tests/report/test_dutch.py`` fails for any declared parameter without a Dutch
description, unit and source, and for entries here that no longer match a declaration.

Keys are parameter names, and ``policy.parameter`` (the registry name of the policy) for a
policy's own parameters. The words are those a Dutch municipality uses: klantmanager,
bijstand, uitstroom naar werk, kinderopvang, participatieladder, ontheffing,
inkomstenvrijlating.
"""

from __future__ import annotations

from simulate.parameters import Parameter

# Units that recur.
AANDEEL = "aandeel"
KANS = "kans"
KANS_MAAND = "kans per maand"
FACTOR = "factor"
MAANDEN = "maanden"
JAAR = "jaar"
JA_NEE = "ja/nee"
AFSTAND = "deel van de afstand"
AFSTAND_MAAND = "deel van de afstand per maand"
EUR_MAAND = "euro per maand"

DUTCH: dict[str, tuple[str, str]] = {
    # ---- population -----------------------------------------------------------------------
    "size": ("Beginstand: moeders in de bijstand bij de start.", "moeders"),
    "child_age_limit_months": (
        ("Moeders komen in het model als ze zwanger zijn of hun jongste kind jonger is dan "
         "deze leeftijd; daarna volgt het model hen tot ze uit de bijstand gaan."), MAANDEN),
    "target_child_age_months": (
        ("Doelgroep van de interventies en van de periodesteekproef: jongste kind jonger dan "
         "deze leeftijd, of zwanger."), MAANDEN),
    "age_mean_years": ("Gemiddelde leeftijd van moeders bij instroom.", JAAR),
    "age_sd_years": ("Standaardafwijking van de leeftijd bij instroom.", JAAR),
    "age_min_years": (("Laagste leeftijd bij instroom (jongere leeftijden worden hierop "
                       "afgerond)."), JAAR),
    "share_education_no_basic": ("Aandeel zonder afgerond basisonderwijs.", AANDEEL),
    "share_education_mbo_or_lower": (("Aandeel met mbo of lager (de groep zonder "
                                      "basisonderwijs niet meegeteld)."), AANDEEL),
    "share_education_hbo_wo": (("Aandeel met hbo of wo; de rest heeft een andere of "
                                "onbekende opleiding."), AANDEEL),
    "share_entry_student_finance": ("Reden van instroom: einde van de studiefinanciering.",
                                    AANDEEL),
    "share_entry_income_loss": ("Reden van instroom: verlies van ander inkomen.", AANDEEL),
    "share_entry_relationship_end": (("Reden van instroom: einde van een relatie; de rest "
                                      "heeft een andere reden."), AANDEEL),
    "inflow_returning_share": (
        ("Aandeel van de instromers van buiten dat terugkeert na een uitstroom van vóór de start "
         "van de simulatie."), AANDEEL),
    "barrier_debts_prevalence": ("Aandeel met problematische schulden bij instroom.", AANDEEL),
    "barrier_health_prevalence": (("Aandeel met psychische of lichamelijke "
                                   "gezondheidsproblemen bij instroom."), AANDEEL),
    "barrier_language_prevalence": ("Aandeel met een taalbarrière bij instroom.", AANDEEL),
    "barrier_care_prevalence": (("Aandeel met zware zorgtaken (naast het jonge kind) bij "
                                 "instroom."), AANDEEL),
    "barrier_registration_at_entry": (
        ("Kans dat de klantmanager een aanwezige belemmering bij de intake registreert, bij een "
         "moeder met vertrouwen in de gemeente 0,5 (schaalt met disclosure_trust_effect, zoals "
         "bij contacten)."), AANDEEL),
    "network_ties_mean": ("Gemiddeld aantal steunende contacten bij instroom (Poisson).",
                          "contacten"),
    "network_working_share": ("Aandeel van de contacten dat werkt.", AANDEEL),
    "confidence_mean": (("Gemiddeld zelfvertrouwen (geloof in eigen kunnen) bij instroom, "
                         "op een schaal van 0 tot 1."), AANDEEL),
    "trust_services_mean": (("Gemiddeld vertrouwen in de gemeente en de hulpverlening bij "
                             "instroom, van 0 tot 1."), AANDEEL),
    "trust_childcare_mean": (
        ("Gemiddeld vertrouwen in formele kinderopvang bij instroom, van 0 tot 1; het "
         "vertrouwen van een moeder is ook de kans dat ze zich inschrijft voor formele "
         "opvang, of die gebruikt, als een baan erom vraagt."), AANDEEL),
    "stress_mean": (("Gemiddelde stress bij instroom, van 0 tot 1 (hoog betekent weinig "
                     "energie)."), AANDEEL),
    "psych_logit_sd": (("Spreiding tussen moeders in zelfvertrouwen, vertrouwen en stress "
                        "(standaardafwijking op logitschaal)."), "logit-eenheden"),
    "knows_topup_share": ("Aandeel dat weet dat de bijstand een deeltijdloon aanvult.",
                          AANDEEL),
    "exemption_at_entry_share": (("Aandeel met een ontheffing van de arbeidsverplichting bij "
                                  "instroom."), AANDEEL),
    "inflow_share_pregnant": ("Aandeel van de instroom dat bij instroom zwanger is.", AANDEEL),
    "inflow_child_age_mean_months": (
        ("Gemiddelde leeftijd van het jongste kind bij instroom, voor wie niet zwanger is "
         "(exponentieel, afgekapt bij de leeftijdsgrens)."), MAANDEN),
    "older_children_mean": ("Gemiddeld aantal kinderen naast het jongste (Poisson).",
                            "kinderen"),
    "stock_share_pregnant": ("Aandeel zwangeren in de beginstand.", AANDEEL),
    "stock_mean_months_on_assistance": (("Gemiddeld aantal maanden dat moeders in de "
                                         "beginstand al in de bijstand zitten "
                                         "(exponentieel)."), MAANDEN),
    "entry_ladder_step1_share": (("Aandeel dat instroomt op trede 1 van de "
                                  "participatieladder (geïsoleerd)."), AANDEEL),
    "entry_ladder_step2_share": ("Aandeel dat instroomt op trede 2 (sociale contacten).",
                                 AANDEEL),
    "entry_ladder_step3_share": (("Aandeel dat instroomt op trede 3 (georganiseerde "
                                  "activiteiten); de rest begint op trede 4."), AANDEEL),
    "initial_formal_childcare_share": (
        ("Aandeel instromers dat al ingeschreven staat voor formele kinderopvang (de "
         "wachttijd na inschrijving is voorbij)."), AANDEEL),
    "inflow_rate_per_month": (
        ("Vrouwen die per maand in het model komen (zwanger of met een jong kind, in de "
         "bijstand), als aandeel van de beginstand: nieuwe instromers, herinstromers en vrouwen "
         "al in de bijstand van wie de zwangerschap bekend wordt."),
        "aandeel van de beginstand per maand"),
    "inflow_transfer_share": (
        ("Aandeel van de vrouwen die in het model komen, dat al in de bijstand zat toen hun "
         "zwangerschap bekend werd: zij nemen hun maanden in de bijstand mee en zijn geen "
         "instroom in de bijstand."), AANDEEL),
    "transfer_past_months_mean": (
        ("Gemiddeld aantal maanden dat een vrouw die in de bijstand zwanger wordt al in de "
         "bijstand zit, vóór afkapping (exponentieel, afgekapt op haar volwassen maanden: niet "
         "meer maanden dan ze ouder is dan age_min_years)."), MAANDEN),
    "burn_in_months": (
        ("Maanden die vóór maand 0 worden gesimuleerd, met elke beleidskeuze op haar "
         "standaardwaarde en zonder interventies, zodat wachtlijsten, de groep werkende moeders "
         "en herinstroom vanaf maand 0 stabiel zijn; één keer gesimuleerd per startwaarde voor "
         "het toeval (seed) en herhaling, en gedeeld door elk scenario met dezelfde wereld "
         "(dezelfde waarden van alles behalve de beleidskeuzes)."), MAANDEN),
    # ---- demography and exemptions ----------------------------------------------------------
    "pregnancy_hazard_per_month": (("Kans per maand dat een moeder zwanger wordt (en dat "
                                    "bekend wordt)."), KANS_MAAND),
    "pregnancy_max_age_years": ("Vanaf deze leeftijd geen nieuwe zwangerschappen.", JAAR),
    "pregnancy_known_months": (("Maanden tussen het bekend worden van een zwangerschap en "
                                "de geboorte."), MAANDEN),
    "exemption_request_hazard": (
        ("Kans per maand dat een alleenstaande ouder met een kind onder 5 (of zwanger) ontheffing "
         "aanvraagt en krijgt."), KANS_MAAND),
    "exemption_health_hazard": (
        ("Kans per maand op een ontheffing om gezondheidsredenen, bij een actief "
         "gezondheidsprobleem."), KANS_MAAND),
    "exemption_care_hazard": (
        "Kans per maand op een ontheffing vanwege zorgtaken, bij een zware zorgtaak.", KANS_MAAND),
    "exemption_other_hazard": (
        ("Kans per maand op een ontheffing om andere redenen (sociale of medische omstandigheden "
         "in het huishouden)."), KANS_MAAND),
    "exemption_child_age_limit_months": (
        ("Een ontheffing op verzoek vraagt een jongste kind onder deze leeftijd (of een "
         "zwangerschap); bij een herbeoordeling vervalt ze als het kind ouder is."), MAANDEN),
    "exemption_temporary_share": (
        ("Aandeel ontheffingen dat voor bepaalde tijd wordt verleend (herbeoordeeld elke "
         "exemption_review_months); de rest wordt elke exemption_long_review_months "
         "herbeoordeeld."), AANDEEL),
    "exemption_review_months": (
        "Maanden tussen herbeoordelingen van tijdelijke ontheffingen.", MAANDEN),
    "exemption_long_review_months": (
        "Maanden tussen herbeoordelingen van langdurige ontheffingen.", MAANDEN),
    "exemption_renewal_prob": (
        ("Kans dat een herbeoordeling een ontheffing verlengt, als de reden nog geldt (een "
         "ontheffing om gezondheids- of zorgredenen vervalt zodra de belemmering is opgelost, een "
         "ontheffing op verzoek zodra het kind 5 is)."), KANS),
    # ---- klantmanagers ----------------------------------------------------------------------
    "regular_caseload_target": (
        ("Moeders per reguliere klantmanager; bepaalt hoeveel reguliere klantmanagers er "
         "zijn."), "moeders per klantmanager"),
    "regular_caseload_max": (
        ("Hoogste aantal moeders dat een reguliere klantmanager begeleidt; daarboven wachten "
         "moeders op een klantmanager."), "moeders per klantmanager"),
    "coach_hours_per_month": ("Werkuren van een klantmanager per maand.", "uur per maand"),
    "coach_client_time_share": (("Deel van de uren van een klantmanager dat naar "
                                 "klantcontact gaat."), AANDEEL),
    "hours_per_contact": ("Uren van de klantmanager per klantcontact.", "uur"),
    "exempt_contact_factor": (("Hoe vaak een moeder met ontheffing contact heeft, ten "
                               "opzichte van anderen."), FACTOR),
    "trust_gain_per_contact": (("Deel van de afstand tot volledig vertrouwen in de gemeente "
                                "dat één contact overbrugt."), AFSTAND),
    "psych_reversion_per_month": (("Hoe snel zelfvertrouwen en vertrouwen per maand "
                                   "teruggaan naar het eigen niveau van de moeder."),
                                  AFSTAND_MAAND),
    "barrier_detection_per_contact": (
        ("Kans dat een contact elke nog niet geregistreerde belemmering opmerkt (en registreert), "
         "bij een moeder met vertrouwen in de gemeente 0,5 (zie disclosure_trust_effect)."), KANS),
    "disclosure_trust_effect": (
        ("Hoeveel vertrouwen in de gemeente de openheid over belemmeringen vergroot: de kans op "
         "opmerken en op het aannemen van een doorverwijzing is de waarde bij vertrouwen 0,5 maal "
         "1 + effect x (2 x vertrouwen - 1), dus van (1 - effect) zonder vertrouwen tot (1 + "
         "effect) bij volledig vertrouwen."), "relatieve verandering"),
    "referral_uptake_per_contact": (
        ("Kans per contact dat een moeder de doorverwijzing voor een geregistreerde belemmering "
         "aanneemt (hulp bij schulden, gezondheid, taal of zorg), bij vertrouwen 0,5; alleen een "
         "aangenomen doorverwijzing kan de belemmering oplossen."), KANS),
    "barrier_debts_resolution": (("Kans per maand dat een doorverwezen schuldenprobleem is "
                                  "opgelost."), KANS_MAAND),
    "barrier_health_resolution": (("Kans per maand dat een doorverwezen "
                                   "gezondheidsprobleem is opgelost."), KANS_MAAND),
    "barrier_language_resolution": (("Kans per maand dat een doorverwezen taalbarrière is "
                                     "opgelost."), KANS_MAAND),
    "barrier_care_resolution": (("Kans per maand dat een doorverwezen zware zorgtaak is "
                                 "opgelost."), KANS_MAAND),
    "topup_info_per_contact": (("Kans dat een moeder in een contact hoort dat de bijstand "
                                "een deeltijdloon blijft aanvullen."), KANS),
    "lapse_hazard": (
        ("Kans per maand op het niet nakomen van de arbeidsplicht (niet solliciteren, passend "
         "werk weigeren, een re-integratieafspraak missen), bij volledig vertrouwen in de "
         "gemeente en zonder stress; opgemerkt leidt het tot een maatregel (79,6% van de "
         "maatregelen is wegens de arbeidsplicht: Divosa Benchmark 2020)."), KANS_MAAND),
    "no_show_hazard": (
        ("Kans per maand dat een moeder niet op een afspraak komt, en niet reageert, zodat haar "
         "uitkering wordt opgeschort en beëindigd (beëindiging wegens niet-medewerking), bij "
         "volledig vertrouwen in de gemeente en zonder stress; ook moeders met ontheffing."),
        KANS_MAAND),
    "info_lapse_hazard": (
        ("Kans per maand op schending van de inlichtingenplicht (een gewijzigde situatie "
         "niet doorgeven, papieren niet inleveren), bij volledig vertrouwen in de gemeente en "
         "zonder stress; ook moeders met ontheffing houden deze plicht. Opgemerkt beëindigt het "
         "de uitkering (beëindiging wegens niet-medewerking)."), KANS_MAAND),
    "lapse_low_trust_effect": (
        "Extra relatief risico op een verzuim zonder enig vertrouwen in de gemeente.", FACTOR),
    "lapse_stress_effect": ("Extra relatief risico op een verzuim bij maximale stress.", FACTOR),
    "lapse_notice_per_contact": (
        ("Kans dat een verzuim wordt opgemerkt als de moeder die maand contact heeft met de "
         "klantmanager."), KANS),
    "lapse_admin_check_rate": (
        "Kans dat het niet nakomen van de arbeidsplicht zonder contact wordt opgemerkt.", KANS),
    "info_admin_check_rate": (
        ("Kans dat het niet nakomen van de inlichtingenplicht zonder contact wordt "
         "opgemerkt."), KANS),
    "sanction_benefit_cut_share": (
        ("Deel van de uitkering dat wordt ingehouden zolang een maatregel loopt (wettelijk "
         "minimaal de hele uitkering gedurende een maand, al verlagen sommige gemeenten "
         "minder)."), AANDEEL),
    "sanction_months": ("Maanden dat een maatregel de uitkering verlaagt.", MAANDEN),
    "sanction_search_effect": (
        ("Kans op een baanaanbod in de maanden na een maatregel, ten opzichte van daarvoor (ze "
         "zoekt harder), gedurende sanction_effect_months."), FACTOR),
    "sanction_effect_months": ("Maanden na een maatregel waarin ze harder zoekt.", MAANDEN),
    "regular_coach_cost_per_month_eur": (
        ("Kosten van één reguliere klantmanager per maand; het aantal reguliere klantmanagers "
         "volgt uit regular_caseload_target."), "euro per klantmanager per maand"),
    # ---- participatieladder -----------------------------------------------------------------
    "ladder_up_base": (
        ("Kans per maand op een trede omhoog bij zelfvertrouwen 0,5, zonder contact; schaalt met "
         "confidence_floor + zelfvertrouwen."), KANS_MAAND),
    "confidence_floor": (
        ("Deel van de kansen op een trede omhoog en op een baanaanbod dat niet van zelfvertrouwen "
         "afhangt: ze schalen met (confidence_floor + zelfvertrouwen) / (confidence_floor + 0,5), "
         "wat 1 is bij zelfvertrouwen 0,5."), "eenheden zelfvertrouwen"),
    "ladder_down_base": ("Kans per maand op een trede omlaag zonder stress.", KANS_MAAND),
    "ladder_contact_effect": (("Extra relatieve kans op een trede omhoog in een maand met "
                               "contact met de klantmanager."), FACTOR),
    "ladder_network_effect": (
        ("Extra relatieve kans op een trede omhoog met een volledig netwerk (tot dan groeit "
         "die gelijkmatig met het aantal contacten)."), FACTOR),
    "ladder_network_full_ties": (("Steunende contacten waarbij het netwerk volledig helpt "
                                  "om op de ladder te stijgen."), "contacten"),
    "ladder_barrier_penalty": (("Relatieve daling van de kans op een trede omhoog per "
                                "actieve belemmering."), "deel per belemmering"),
    "ladder_exempt_factor": (
        ("Kans op een trede omhoog van een moeder met ontheffing, ten opzichte van een verder "
         "gelijke moeder zonder ontheffing (het effect van de ontheffing zelf, niet van wie er "
         "een krijgt)."), FACTOR),
    "ladder_stress_effect": ("Extra relatief risico op een trede omlaag bij maximale stress.",
                             FACTOR),
    "ladder_fast_change_effect": (("Extra relatief risico op een trede omlaag kort na een "
                                   "trede omhoog."), FACTOR),
    "fast_change_window_months": (("Maanden na een trede omhoog waarin terugval "
                                   "waarschijnlijker is."), MAANDEN),
    "ladder_event_down_factor": (("Relatief risico op een trede omlaag in een maand met een "
                                  "stressvolle gebeurtenis."), FACTOR),
    "confidence_gain_step_up": (("Deel van de afstand tot volledig zelfvertrouwen dat een "
                                 "trede omhoog overbrugt."), AFSTAND),
    "confidence_loss_step_down": ("Deel van het zelfvertrouwen dat een trede omlaag kost.",
                                  "deel van het niveau"),
    "confidence_loss_failed_offer": (("Deel van het zelfvertrouwen dat verloren gaat als een "
                                      "baanaanbod niet doorgaat."), "deel van het niveau"),
    "stress_event_base": (("Kans per maand op een stressvolle gebeurtenis (een ziek kind, "
                           "een crisis)."), KANS_MAAND),
    "stress_event_jump": (("Deel van de afstand tot maximale stress dat een stressvolle "
                           "gebeurtenis toevoegt."), AFSTAND),
    "stress_recovery_per_month": (("Hoe snel stress per maand teruggaat naar het "
                                   "basisniveau."), AFSTAND_MAAND),
    "stress_barrier_effect": ("Extra basisstress per actieve belemmering.",
                              "stress per belemmering"),
    "stress_event_debt_factor": (("Relatief risico op een stressvolle gebeurtenis bij "
                                  "problematische schulden."), FACTOR),
    # ---- werk zoeken en aanbod --------------------------------------------------------------
    "search_min_step": (("Laagste trede van de participatieladder waarop een moeder werk "
                         "zoekt."), "trede"),
    "exempt_search_factor": (
        ("Kans op een baanaanbod van een moeder met ontheffing, ten opzichte van een verder "
         "gelijke moeder met arbeidsplicht (het effect van de plicht zelf op het zoeken: wie een "
         "ontheffing krijgt, wegens ziekte, zorg of een heel jong kind, zit in de belemmeringen "
         "en de leeftijd van het kind)."), FACTOR),
    "infant_search_factor": (
        ("Kans op een baanaanbod met een baby (jongste kind jonger dan infant_age_months), ook "
         "voor parttime werk, ten opzichte van anderen."), FACTOR),
    "infant_age_months": (
        "Kindleeftijd waaronder infant_search_factor geldt (jongste kind).", MAANDEN),
    "pregnant_search_factor": (("Hoe intensief een zwangere moeder zoekt, ten opzichte van "
                                "anderen."), FACTOR),
    "job_offer_base": (
        ("Kans per maand op een baanaanbod voor een werkzoekende moeder met mbo, zelfvertrouwen "
         "0,5, zonder belemmeringen of werkende contacten, bij een werkgever die geen risico "
         "ziet; schaalt met confidence_floor + zelfvertrouwen."), KANS_MAAND),
    "offer_factor_no_basic": (("Kans op een aanbod zonder basisonderwijs, ten opzichte van "
                               "mbo of lager."), FACTOR),
    "offer_factor_hbo_wo": (("Kans op een aanbod met hbo of wo, ten opzichte van mbo of "
                             "lager."), FACTOR),
    "offer_factor_other_education": (("Kans op een aanbod met een andere of onbekende "
                                      "opleiding, ten opzichte van mbo of lager."), FACTOR),
    "offer_factor_language": ("Kans op een aanbod met een actieve taalbarrière.", FACTOR),
    "offer_factor_health": ("Kans op een aanbod met een actief gezondheidsprobleem.", FACTOR),
    "offer_contact_effect": (
        ("Extra relatieve kans op een baanaanbod in een maand met contact met de klantmanager "
         "(die vacatures voorstelt)."), FACTOR),
    "offer_working_tie_effect": ("Extra relatieve kans op een aanbod per werkend contact.",
                                 FACTOR),
    "offer_working_ties_max": (("Hoogste aantal werkende contacten dat de kans op een aanbod "
                                "verhoogt."), "contacten"),
    "employers": ("Werkgevers (of groepen werkgevers) op de lokale arbeidsmarkt.",
                  "werkgevers"),
    "employer_risk_mean": (
        ("Gemiddelde risicoperceptie: het deel van de aanbiedingen dat een werkgever niet "
         "doet aan een moeder van wie het jongste kind opvang nodig heeft."), AANDEEL),
    "employer_spread": (
        ("Hoe dicht de risicoperceptie en flexibiliteit van werkgevers bij hun gemiddelde "
         "liggen (Beta); lager betekent meer verschil tussen werkgevers."), "concentratie"),
    "employer_size_concentration": (
        ("Hoe de vacatures over werkgevers zijn verdeeld (Dirichlet); lager betekent enkele "
         "grote werkgevers, hoger werkgevers van vergelijkbare omvang."), "concentratie"),
    "employer_flexible_share_mean": (("Gemiddeld aandeel vacatures van een werkgever met "
                                      "flexibele uren of schooltijden."), AANDEEL),
    "vacancies_per_100_mothers": (
        ("Vacatures per maand die openstaan voor de moeders in het model, per 100 moeders "
         "van de beginstand; begrenst het aantal aanbiedingen van werkgevers."),
        "vacatures per maand"),
    "parttime_hours_per_week": ("Uren parttime of flexibel werk naast de bijstand.",
                                "uur per week"),
    "fulltime_hours_per_week": ("Uren van een gewone baan.", "uur per week"),
    "hourly_wage_eur": ("Bruto uurloon van een aanbod.", "euro per uur"),
    "weeks_per_month": ("Weken in een maand.", "weken"),
    "offer_acceptance": (
        ("Kans dat een moeder een haalbaar aanbod aanneemt, als ze gelooft dat ze er per maand "
         "ruim meer dan acceptance_gain_reference_eur op vooruitgaat."), KANS),
    "acceptance_gain_reference_eur": (
        ("Netto inkomensvooruitgang per maand waarin een moeder gelooft en waarbij de helft van "
         "de moeders die verder bereid zijn, een aanbod aanneemt."), EUR_MAAND),
    "acceptance_gain_scale_eur": (
        "Spreiding van de kans op aannemen rond de referentiewaarde (logistische schaal).",
        EUR_MAAND),
    "net_pay_share": (
        "Nettoloon als deel van het brutoloon; inkomsten worden netto met de bijstand verrekend.",
        AANDEEL),
    "employer_arranged_care_factor": (
        ("Risicoperceptie van werkgevers bij geregelde opvang (een formele plaats of informele "
         "opvang), ten opzichte van een moeder zonder."), FACTOR),
    "parttime_search_factor": (
        ("Kans op een aanbod voor een gewone baan bij parttime werk, ten opzichte van een verder "
         "gelijke moeder zonder parttime werk (de opstap: een werkgever en referenties); ze "
         "zoekt op elke trede."), FACTOR),
    "parttime_offer_base": (
        ("Kans per maand op een aanbod van parttime of flexibel werk (parttime_hours_per_week, "
         "aangevuld met bijstand) voor een moeder in de bijstand op trede parttime_min_step of "
         "hoger die nog geen parttime werk heeft, met het profiel van job_offer_base; zoals elk "
         "aanbod loopt het via de vacatures en de risicoperceptie van werkgevers, haar besluit "
         "om het aan te nemen en de kinderopvang."), KANS_MAAND),
    "parttime_min_step": (("Laagste trede van de participatieladder waarop een moeder in de "
                           "bijstand parttime werk kan krijgen."), "trede"),
    "parttime_job_loss_factor": (
        ("Risico op verlies van parttime werk naast de bijstand, ten opzichte van een gewone "
         "baan."), FACTOR),
    # ---- kinderopvang -----------------------------------------------------------------------
    "childcare_need_age_months": (("Onder deze leeftijd van het jongste kind vraagt een baan "
                                   "kinderopvang."), MAANDEN),
    "childcare_places_per_100_mothers": (
        ("Plaatsen formele kinderopvang voor de moeders in het model, per 100 moeders van "
         "de beginstand: het gewone aanbod op de lokale markt, waar de gemeente niet over "
         "gaat (plaatsen die zij voor een programma inkoopt zijn reserved_childcare.places)."),
        "plaatsen"),
    "childcare_providers": ("Kinderopvangorganisaties.", "organisaties"),
    "childcare_registration_lag_months": (("Maanden tussen inschrijving voor een plaats en "
                                           "het kunnen krijgen ervan."), MAANDEN),
    "childcare_register_prob": (
        ("Kans per maand dat een moeder op trede 3 of hoger zich inschrijft voor een plaats, "
         "maal haar vertrouwen in formele kinderopvang."), KANS_MAAND),
    "informal_care_register_factor": (
        ("Kans dat een werkende moeder met informele opvang zich inschrijft voor een plaats, "
         "ten opzichte van een moeder op trede 3 of hoger zonder werk (de kans is hoogstens "
         "1)."), FACTOR),
    "childcare_place_min_step": (("Laagste trede (georganiseerde activiteiten) waarop een "
                                  "wachtende moeder een plaats kan krijgen."), "trede"),
    "informal_care_per_tie": (
        ("Kans dat één steunend contact de opvang kan overnemen die een baan vraagt, als een "
         "moeder zonder geregelde opvang een aanbod heeft aangenomen waarvoor die nodig is; die "
         "informele opvang loopt dan door tot ze wegvalt."), KANS),
    "flexible_informal_factor": (("Relatieve kans op informele opvang voor flexibele uren of "
                                  "schooltijden."), FACTOR),
    "peer_tie_care_weight": (
        ("Een band uit een groepstraject telt als dit deel van een steunend contact wanneer een "
         "moeder haar netwerk om opvang voor haar kind vraagt."), "contacten per band"),
    "informal_care_breakdown_hazard": (
        "Kans per maand dat informele opvang wegvalt (opvang door familie of netwerk).",
        KANS_MAAND),
    "informal_breakdown_event_factor": (
        ("Relatief risico dat informele opvang wegvalt in een maand met een stressvolle "
         "gebeurtenis (een ziek kind, een crisis)."), FACTOR),
    "job_loss_on_care_breakdown": (
        ("Kans dat een werkende moeder haar baan verliest als haar informele opvang wegvalt en ze "
         "geen formele plaats heeft."), KANS),
    "childcare_net_cost_eur": (
        ("Eigen bijdrage per maand voor formele kinderopvang van een werkende moeder, voor "
         "childcare_cost_hours_per_week uur opvang per week (naar rato van de uren van een "
         "baan)."), EUR_MAAND),
    "childcare_cost_hours_per_week": (
        "Uren opvang per week waarvoor childcare_net_cost_eur geldt.", "uur per week"),
    "childcare_trust_gain_per_month": (
        ("Deel van de afstand tot volledig vertrouwen in kinderopvang dat elke maand formele "
         "opvang overbrugt."), AFSTAND_MAAND),
    # ---- andere uitstroom, baanverlies en terugval ------------------------------------------
    "study_exit_hazard": ("Kans per maand op uitstroom naar studie (studiefinanciering).",
                          KANS_MAAND),
    "study_young_factor": (("Relatieve kans op uitstroom naar studie onder de jonge "
                            "leeftijd."), FACTOR),
    "study_young_age_years": ("Leeftijd waaronder studeren waarschijnlijker is.", JAAR),
    "study_student_finance_factor": (
        ("Relatieve kans op uitstroom naar studie na instroom door het einde van de "
         "studiefinanciering."), FACTOR),
    "partner_exit_hazard": ("Kans per maand op uitstroom door het inkomen van een partner.",
                            KANS_MAAND),
    "other_exit_hazard": ("Kans per maand op uitstroom om andere of onbekende redenen.",
                          KANS_MAAND),
    "contact_exit_effect": (
        ("Extra relatieve kans op uitstroom om andere redenen, in een maand met een afspraak "
         "bij de klantmanager: het gedoe en de dreiging van controle laten sommigen die zonder "
         "bijstand kunnen, uit de bijstand gaan."), FACTOR),
    "duration_dependence_floor": (
        ("Kans op uitstroom na lange tijd in de bijstand, ten opzichte van het begin: elke kans "
         "op vertrek (een baanaanbod, parttime werk, studie, het inkomen van een partner, "
         "andere uitstroom) wordt vermenigvuldigd met ondergrens + (1 - ondergrens) x "
         "exp(-maanden in de bijstand / duration_dependence_months)."), "relatieve kans"),
    "duration_dependence_months": (
        ("Maanden in de bijstand waarin de kans op uitstroom met een factor e naar de "
         "ondergrens daalt."), MAANDEN),
    "duration_break_months": (
        ("Wie binnen zoveel maanden na uitstroom terugkeert, telt door in haar maanden in de "
         "bijstand (de maanden ertussen niet meegeteld); bij een latere terugkeer begint de "
         "telling opnieuw."), MAANDEN),
    "job_loss_hazard": ("Kans per maand op baanverlies na de eerste maanden.", KANS_MAAND),
    "job_loss_early_factor": (("Extra relatief risico op baanverlies bij de start van een "
                               "baan; het neemt af naarmate ze er langer werkt."), FACTOR),
    "job_loss_early_decay_months": (("Maanden waarin het extra risico op vroeg baanverlies "
                                     "met een factor e afneemt."), MAANDEN),
    "job_loss_stress_event_factor": (
        ("Relatief risico op baanverlies in een maand met een stressvolle gebeurtenis (een ziek "
         "kind)."), FACTOR),
    "job_loss_ladder_step": (
        ("Trede op de participatieladder van een moeder die na baanverlies terug is in de "
         "bijstand (of haar deeltijdbaan kwijt is)."), "trede"),
    "return_after_job_loss": (
        ("Kans dat een moeder die de baan verliest waarmee ze uit de bijstand ging, terugvalt in "
         "de bijstand (de anderen vinden ander inkomen)."), KANS),
    "return_after_job_loss_delay_months": (
        "Gemiddeld aantal maanden van baanverlies tot terugval in de bijstand (geometrisch).",
        MAANDEN),
    "return_noncooperation_share": (
        ("Aandeel moeders met een beëindiging wegens niet-medewerking dat opnieuw bijstand "
         "aanvraagt."), KANS),
    "return_noncooperation_delay_months": (
        ("Gemiddeld aantal maanden van een beëindiging wegens niet-medewerking tot de nieuwe "
         "aanvraag (geometrisch)."), MAANDEN),
    "return_study_hazard": (
        ("Kans per maand dat een moeder die uitstroomde naar studie stopt en terugkeert in de "
         "bijstand."), KANS_MAAND),
    "return_partner_hazard": (
        ("Kans per maand dat een moeder die uitstroomde door het inkomen van een partner "
         "terugkeert in de bijstand."), KANS_MAAND),
    "return_other_hazard": (
        ("Kans per maand dat een moeder die om andere redenen uitstroomde terugkeert in de "
         "bijstand."), KANS_MAAND),
    "exit_followup_months": (
        ("Maanden na uitstroom of baanverlies waarin herinstroom in de bijstand wordt "
         "gesimuleerd; latere herinstroom telt als instroom van buiten."), MAANDEN),
    "work_followup_months": (
        ("Maanden na uitstroom naar werk waarin baanverlies wordt gesimuleerd; daarna volgt het "
         "model haar niet meer."), MAANDEN),
    "assistance_norm_eur": ("Bijstandsnorm per maand, inclusief vakantiegeld.", EUR_MAAND),
    "earnings_disregard_rate": (("Deel van de inkomsten dat een moeder in de bijstand mag "
                                 "houden (inkomstenvrijlating)."), AANDEEL),
    "earnings_disregard_cap_eur": (("Hoogste bedrag aan inkomsten dat een moeder in de "
                                    "bijstand mag houden."), EUR_MAAND),
    # ---- nazorg ----------------------------------------------------------------------------
    "aftercare.months": ("Maanden nazorg na de start van een baan.", MAANDEN),
    "aftercare.job_loss_reduction": (("Relatieve daling van het risico op baanverlies tijdens "
                                      "de nazorg."), AANDEEL),
    "aftercare.max_child_age_months": (
        ("Voor moeders van wie het jongste kind bij de start van de baan jonger is dan deze "
         "leeftijd."), MAANDEN),
    "aftercare.programme_only": (("Alleen voor moeders die meedoen aan de andere "
                                  "interventies van het scenario."), JA_NEE),
    "aftercare.cost_per_month_eur": ("Kosten van een maand nazorg voor één moeder.",
                                     "euro per moeder per maand"),
    # ---- gespecialiseerde klantmanagers -----------------------------------------------------
    "dedicated_coaches.coaches": ("Gespecialiseerde klantmanagers (voltijdsfuncties).",
                                  "klantmanagers"),
    "dedicated_coaches.caseload": (("Hoogste aantal klanten per gespecialiseerde "
                                    "klantmanager."), "moeders per klantmanager"),
    "dedicated_coaches.client_time_share": (("Deel van de uren van een gespecialiseerde "
                                             "klantmanager dat naar klantcontact gaat."),
                                            AANDEEL),
    "dedicated_coaches.max_child_age_months": (
        ("Doelgroep: jongste kind jonger dan deze leeftijd (of zwanger, als zwangeren "
         "meedoen)."), MAANDEN),
    "dedicated_coaches.include_pregnant": ("Zwangere vrouwen horen bij de doelgroep.", JA_NEE),
    "dedicated_coaches.include_exempt": (("Moeders met een ontheffing van de "
                                          "arbeidsverplichting horen bij de doelgroep."), JA_NEE),
    "dedicated_coaches.programme_months": (
        ("Maanden bij de gespecialiseerde klantmanager vóór de overdracht aan een reguliere "
         "klantmanager."), MAANDEN),
    "dedicated_coaches.gender_sensitive": (("De klantmanagers zijn getraind in gendersensitief "
                                            "werken."), JA_NEE),
    "dedicated_coaches.gender_sensitive_trust_multiplier": (
        ("Vertrouwen dat een contact met een gendersensitief werkende klantmanager oplevert, "
         "ten opzichte van een reguliere klantmanager."), FACTOR),
    "dedicated_coaches.contact_effect_multiplier": (
        ("Duw omhoog op de participatieladder door een contact met een gespecialiseerde "
         "klantmanager, ten opzichte van een reguliere."), FACTOR),
    "dedicated_coaches.recruitment": (
        ("Wie een vrije plek als eerste krijgt: 'random' (willekeurig) of 'newest' (de "
        "laatst ingestroomde)."), "regel"),
    "dedicated_coaches.cost_per_coach_month_eur": (
        ("Kosten van één gespecialiseerde klantmanager (alleen met een eigen caseload: de "
        "andere worden betaald als reguliere klantmanager)."), "euro per klantmanager per maand"),
    "dedicated_coaches.exclusive": (
        ("De gespecialiseerde klantmanagers hebben alleen klanten uit het programma, "
        "overgenomen van de reguliere klantmanagers (anders zijn het reguliere "
        "klantmanagers en houden de moeders uit het programma hun eigen klantmanager)."),
        JA_NEE),
    "dedicated_coaches.overhead_eur_per_month": (
        ("Vaste kosten van het programma (projectmedewerkers, projectleider) zolang het "
         "loopt."), EUR_MAAND),
    # ---- groepstrajecten met lotgenoten -----------------------------------------------------
    "peer_groups.groups_per_year": ("Groepen die per jaar starten.", "groepen per jaar"),
    "peer_groups.group_size": ("Moeders per groep bij de start.", "moeders"),
    "peer_groups.sessions": ("Gewone bijeenkomsten per groep.", "bijeenkomsten"),
    "peer_groups.sessions_per_month": ("Hoe vaak de gewone bijeenkomsten zijn.",
                                       "bijeenkomsten per maand"),
    "peer_groups.session_hours": ("Duur van een gewone bijeenkomst.", "uur"),
    "peer_groups.intensive_months": (("Maanden van een intensieve fase vóór de gewone "
                                      "bijeenkomsten."), MAANDEN),
    "peer_groups.intensive_sessions_per_month": (("Programmadagen per maand in de intensieve "
                                                  "fase."), "dagen per maand"),
    "peer_groups.intensive_session_hours": (("Uren van een programmadag in de intensieve "
                                             "fase."), "uur"),
    "peer_groups.internship_months": ("Maanden stage na de intensieve fase.", MAANDEN),
    "peer_groups.internship_completion": ("Kans dat een actief lid de stage afrondt.", KANS),
    "peer_groups.internship_step_kept": (
        ("Kans dat een deelnemer die de stage heeft afgerond daarna op trede 4 blijft (ze "
         "gaat door met ander onbetaald werk); anders staat ze weer op de trede van voor de "
         "stage en klimt ze verder zoals iedere moeder."), KANS),
    "peer_groups.facilitator": (
        ("Wie de groep begeleidt: 'professional' (een professional), 'former_participant' "
         "(een oud-deelnemer) of 'none' (niemand)."), "soort"),
    "peer_groups.childcare_during_sessions": (("Er is kinderopvang tijdens de "
                                               "bijeenkomsten."), JA_NEE),
    "peer_groups.arrange_childcare": (
        ("Kinderopvang wordt bij de start geregeld: leden met een jong kind zonder plaats "
         "krijgen een vrije plaats bij hun aanbieder; is er geen vrij, dan worden ze zonder "
         "wachttijd ingeschreven en wachten ze op een plaats."), JA_NEE),
    "peer_groups.recruitment": (
        ("Wie wordt uitgenodigd: willekeurige moeders uit de doelgroep ('random'), moeders "
         "met contact met hun klantmanager in de vorige maand ('coach_contact'), klanten "
         "van gespecialiseerde klantmanagers ('dedicated_coaches'), of moeders die bij de "
         "intake van een ander groepstraject in het scenario waren ('intake')."), "regel"),
    "peer_groups.max_child_age_months": ("Doelgroep: jongste kind jonger dan deze leeftijd.",
                                         MAANDEN),
    "peer_groups.min_ladder_step": (
        "Doelgroep: vanaf deze trede van de participatieladder (4: moeders die werk zoeken).",
        "trede"),
    "peer_groups.include_pregnant": ("Zwangere vrouwen horen bij de doelgroep.", JA_NEE),
    "peer_groups.acceptance_rate": (
        ("Kans dat een geselecteerde moeder met gemiddeld zelfvertrouwen en vertrouwen, bij "
         "wie niets in de weg zit, zich aanmeldt (na de intake, als die er is)."), KANS),
    # ---- groepstrajecten: de trechter van deelname ------------------------------------------
    "peer_groups.first_start_month": ("Maand van de simulatie waarin de eerste groep start.",
                                      "maand"),
    "peer_groups.last_start_month": (("Laatste maand van de simulatie waarin een groep kan "
                                      "starten (het einde van de programmaperiode)."), "maand"),
    "peer_groups.internship_places": (
        "Werkervaringsplaatsen die de leden van een groep voor de stage kunnen innemen.",
        "plaatsen"),
    "peer_groups.internship_meetings_per_month": (
        "Groepsbijeenkomsten per maand tijdens de stage.", "bijeenkomsten per maand"),
    "peer_groups.internship_meeting_hours": ("Duur van een bijeenkomst tijdens de stage.",
                                             "uur"),
    "peer_groups.selected_per_group": (
        ("Moeders die per groepsstart worden geselecteerd (het aantal uitnodigingen is "
         "begrensd)."), "moeders"),
    "peer_groups.reselect_share": (
        ("Deel van de selectie per groep dat is bedoeld voor moeders die al eerder zijn "
         "benaderd en nog niet meedoen (de rest gaat naar moeders die nog niet zijn benaderd, "
         "zolang die er zijn)."), AANDEEL),
    "peer_groups.priority_min_child_age_months": (
        ("De selectie geeft voorrang aan moeders van wie het jongste kind minstens deze "
         "leeftijd heeft (0: geen voorrang)."), MAANDEN),
    "peer_groups.intake": (
        ("Uitgenodigde moeders worden eerst gevraagd voor een intake of startbijeenkomst; "
         "alleen wie komt, beslist of ze meedoet."), JA_NEE),
    "peer_groups.intake_attendance": (
        ("Kans dat een uitgenodigde moeder naar de intake komt (met opvang ter plekke, of "
         "zonder jong kind)."), KANS),
    "peer_groups.intake_meeting_size": ("Gemiddeld aantal moeders per intakebijeenkomst.",
                                        "moeders"),
    "peer_groups.acceptance_confidence_effect": (
        ("Relatieve verandering van de kans op aanmelding van gemiddeld naar volledig "
         "zelfvertrouwen (en omlaag naar geen)."), AANDEEL),
    "peer_groups.acceptance_trust_effect": (
        ("Relatieve verandering van de kans op aanmelding van gemiddeld naar volledig "
         "vertrouwen in de gemeente (en omlaag naar geen)."), AANDEEL),
    "peer_groups.acceptance_no_childcare_factor": (
        ("Aanmelding van een moeder met een jong kind zonder opvangplaats als er geen opvang "
         "is tijdens de bijeenkomsten, relatief."), FACTOR),
    "peer_groups.acceptance_exempt_factor": (
        "Aanmelding van een moeder met een ontheffing van de arbeidsplicht, relatief.",
        FACTOR),
    "peer_groups.no_show_share": (
        "Kans dat een aangemelde moeder bij de start niet komt opdagen.", KANS),
    "peer_groups.no_show_stress_factor": (
        ("Niet komen opdagen in een startmaand met een stressvolle gebeurtenis (een ziek "
         "kind), relatief."), FACTOR),
    "peer_groups.attendance_base": (("Kans dat een lid komt in een maand met bijeenkomsten "
                                     "als er niets in de weg zit."), KANS),
    "peer_groups.attendance_sick_child_factor": (
        "Opkomst in een maand met een stressvolle gebeurtenis (een ziek kind), relatief.",
        FACTOR),
    "peer_groups.attendance_language_factor": ("Opkomst met een taalbarrière, relatief.",
                                               FACTOR),
    "peer_groups.attendance_no_childcare_factor": (
        "Opkomst van een moeder met een jong kind als er geen opvang is, relatief.", FACTOR),
    "peer_groups.attendance_work_factor": (("Opkomst van een lid met (deeltijd)werk, "
                                            "relatief."), FACTOR),
    "peer_groups.self_run_attendance_decay": (("Relatieve daling per maand van de opkomst in "
                                               "een groep zonder begeleider."),
                                              "deel per maand"),
    "peer_groups.dropout_hazard": ("Kans per maand dat een lid de groep verlaat.", KANS_MAAND),
    "peer_groups.dropout_language_course": (
        ("Extra kans per maand dat een lid met een taalbarrière de groep verlaat (voor een "
         "taalcursus)."), KANS_MAAND),
    "peer_groups.confidence_gain_per_10_hours": (
        ("Deel van de afstand tot volledig zelfvertrouwen dat elke 10 bijgewoonde uren "
         "overbruggen."), AFSTAND),
    "peer_groups.durable_share": ("Deel van het gewonnen zelfvertrouwen dat blijvend is.",
                                  AANDEEL),
    "peer_groups.trust_gain_per_10_hours": (
        ("Deel van de afstand tot volledig vertrouwen in de gemeente dat elke 10 bijgewoonde "
         "uren overbruggen."), AFSTAND),
    "peer_groups.childcare_trust_gain_per_10_hours": (
        ("Met opvang tijdens de bijeenkomsten: deel van de afstand tot volledig vertrouwen in "
         "formele kinderopvang dat elke 10 bijgewoonde uren overbruggen."), AFSTAND),
    "peer_groups.ladder_effect": (("Extra relatieve kans op een trede omhoog zolang een "
                                   "moeder actief lid is."), FACTOR),
    "peer_groups.job_search_effect": (
        ("Extra relatieve kans op een baanaanbod in een maand als actief lid (de groep oefent met "
         "zoeken en solliciteren)."), FACTOR),
    "peer_groups.search_effect_months": (
        ("Maanden waarin het zoekeffect na de groep uitdooft, als job_search_effect x "
         "exp(-maanden sinds het einde van de groep / deze waarde); bij 0 stopt het met de "
         "groep."), MAANDEN),
    "peer_groups.tie_per_month": (
        ("Kans dat twee leden die in dezelfde maand bijeenkomsten bijwonen een band opbouwen, per "
         "maand dat ze samenkomen (ongeacht het aantal bijeenkomsten die maand)."), KANS_MAAND),
    "peer_groups.tie_fade_per_month": (("Kans per maand dat een band uit een groep zonder "
                                        "begeleider verdwijnt."), KANS_MAAND),
    "peer_groups.tie_fade_after_end_per_month": (
        "Kans per maand dat een band uit een groep die niet meer bijeenkomt verdwijnt.",
        KANS_MAAND),
    "peer_groups.job_loss_reduction_per_tie": (
        "Relatieve daling van het risico op baanverlies per band met een groepsgenoot.",
        "deel per band"),
    "peer_groups.job_loss_ties_max": (("Hoogste aantal banden met groepsgenoten dat het "
                                       "risico op baanverlies verlaagt."), "banden"),
    "peer_groups.former_participant_factor": (
        ("Effecten van een groep onder leiding van een oud-deelnemer, ten opzichte van een "
         "professional."), FACTOR),
    "peer_groups.self_run_factor": (("Effecten van een groep zonder begeleider, ten opzichte "
                                     "van een professional."), FACTOR),
    "peer_groups.cost_per_session_eur": ("Kosten van één bijeenkomst (of programmadag).",
                                         "euro per bijeenkomst"),
    "peer_groups.cost_per_group_start_eur": ("Kosten om een groep te starten.",
                                             "euro per groep"),
    "peer_groups.childcare_cost_per_child_session_eur": (
        ("Kosten van opvang tijdens een bijeenkomst, per aanwezige moeder met een jong kind "
         "(als er opvang is)."), "euro per kind per bijeenkomst"),
    # ---- gereserveerde kinderopvang ---------------------------------------------------------
    "reserved_childcare.places": ("Plaatsen die voor het programma zijn gereserveerd.",
                                  "plaatsen"),
    "reserved_childcare.additional": (
        ("De plaatsen worden bovenop de capaciteit van de kinderopvang ingekocht (anders gaan "
         "ze van de bestaande plaatsen af en krijgt de gewone wachtlijst er minder)."), JA_NEE),
    "reserved_childcare.eligibility": (
        ("Wie de plaatsen mag gebruiken: 'target_group' (elke moeder van wie het jongste kind "
         "onder de leeftijdsgrens is) of 'programme' (deelnemers aan de andere interventies "
         "van het scenario)."), "regel"),
    "reserved_childcare.max_child_age_months": (("Doelgroep: jongste kind jonger dan deze "
                                                 "leeftijd."), MAANDEN),
    "reserved_childcare.courses": (("Vrije plaatsen gaan ook naar moeders die aan een "
                                    "opleiding of stage beginnen."), JA_NEE),
    "reserved_childcare.cost_per_place_month_eur": (
        "Kosten van één gereserveerde plaats, ook als die niet wordt gebruikt.",
        "euro per plaats per maand"),
    # ---- informele steun (vrijwilligers aan huis) -------------------------------------------
    "informal_support.volunteers": ("Actieve vrijwilligers (de capaciteit van het programma).",
                                    "vrijwilligers"),
    "informal_support.families_per_volunteer": (("Gezinnen die een vrijwilliger tegelijk "
                                                 "ondersteunt."), "gezinnen per vrijwilliger"),
    "informal_support.matches_per_year": (("Nieuwe koppelingen die de gemeente per jaar "
                                           "inkoopt."), "koppelingen per jaar"),
    "informal_support.months": ("Duur van een koppeling.", MAANDEN),
    "informal_support.visits_per_month": ("Huisbezoeken per maand tijdens een koppeling.",
                                          "bezoeken per maand"),
    "informal_support.max_child_age_months": (("Doelgroep: jongste kind jonger dan deze "
                                               "leeftijd."), MAANDEN),
    "informal_support.include_pregnant": ("Zwangere vrouwen horen bij de doelgroep.", JA_NEE),
    "informal_support.first_child_only": (("Alleen voor moeders die hun eerste kind verwachten "
                                           "of opvoeden."), JA_NEE),
    "informal_support.max_trust_services": (
        "Alleen voor moeders met hoogstens dit vertrouwen in hulpverlening (1: iedereen).",
        "vertrouwen (0-1)"),
    "informal_support.max_network_ties": (
        "Alleen voor moeders met hoogstens zoveel steunende contacten (100: iedereen).",
        "contacten"),
    "informal_support.network_people": (
        ("Mensen uit haar eigen netwerk die in actie komen, of andere moeders met wie ze in "
         "contact wordt gebracht, tijdens een koppeling."), "personen"),
    "informal_support.professional_hours_per_match_month": (
        ("Uren per maand die een professional aan een koppeling besteedt (0: alleen een "
         "vrijwilliger)."), "uur per koppeling per maand"),
    "informal_support.signup_per_month": (
        ("Kans per maand dat een moeder uit de doelgroep die nog geen steun kreeg wordt "
         "aangemeld of zich aanmeldt."), KANS_MAAND),
    "informal_support.give_up_per_month": (("Kans per maand dat een moeder op de wachtlijst "
                                            "afhaakt."), KANS_MAAND),
    "informal_support.dropout_per_month": (("Kans per maand dat een koppeling voortijdig "
                                            "stopt."), KANS_MAAND),
    "informal_support.trust_gain_per_visit": (
        ("Deel van de afstand tot volledig vertrouwen in hulpverlening dat een bezoek "
         "overbrugt."), AFSTAND),
    "informal_support.confidence_gain_per_visit": (
        "Deel van de afstand tot volledig zelfvertrouwen dat een bezoek overbrugt.", AFSTAND),
    "informal_support.durable_share": (
        ("Deel van het gewonnen vertrouwen en zelfvertrouwen dat blijvend haar eigen niveau "
         "wordt."), AANDEEL),
    "informal_support.stress_relief_per_visit": (("Deel van haar stress dat een bezoek "
                                                  "wegneemt."), "deel van de stress"),
    "informal_support.volunteer_tie_weight": (
        ("Hoe zwaar de vrijwilliger tijdens de koppeling telt als steunend contact bij het "
         "stijgen op de participatieladder."), "contacten"),
    "informal_support.disclosure_factor": (
        ("Kans dat in een maand met bezoeken belemmeringen ter sprake komen en verwijzingen "
         "worden opgevolgd, ten opzichte van een gesprek met de klantmanager."), FACTOR),
    "informal_support.lasting_tie_share": (
        ("Deel van de mensen die in actie kwamen dat na een afgeronde koppeling een steunend "
         "contact blijft."), AANDEEL),
    "informal_support.intake_hours_per_match": (("Uren van de coördinator om een koppeling te "
                                                 "starten."), "uur per koppeling"),
    "informal_support.coordination_hours_per_match_month": (
        "Uren van de coördinator per lopende koppeling per maand.",
        "uur per koppeling per maand"),
    "informal_support.staff_cost_per_hour_eur": (("Kosten van een uur van een coördinator of "
                                                  "professional."), "euro per uur"),
    "informal_support.volunteer_expenses_per_match_month_eur": (
        "Onkosten van de vrijwilliger (reizen, activiteiten) per lopende koppeling.",
        "euro per koppeling per maand"),
    "informal_support.cost_per_volunteer_per_year_eur": (
        "Werving, training en begeleiding van een vrijwilliger.",
        "euro per vrijwilliger per jaar"),
    # ---- koppeling met de sociale dienst ------------------------------------------------------
    "services_link.visits": (
        ("Wanneer deelnemers aan een groep de sociale dienst ontmoeten: 'none' (niet), bij de "
         "'start' van hun groep, aan het 'end' (einde) of 'start_and_end' (begin en einde)."),
        "regel"),
    "services_link.trust_gain_per_visit": (
        ("Deel van de afstand tot volledig vertrouwen in de hulpverlening dat één ontmoeting "
         "met de sociale dienst overbrugt."), AFSTAND),
    "services_link.durable_share": (
        ("Deel van het gewonnen vertrouwen dat het eigen, blijvende niveau van de moeder "
         "wordt."), AANDEEL),
    "services_link.cost_per_visit_eur": ("Kosten van één ontmoeting met één deelnemer.",
                                         "euro per moeder"),
    # ---- supportgroepen na een groepstraining ---------------------------------------------------
    "support_group.meetings_per_year": (("Bijeenkomsten van de supportgroep per jaar, één per "
                                         "toolkit."), "bijeenkomsten per jaar"),
    "support_group.months": (("Maanden dat een supportgroep na de groepstraining blijft "
                              "bijeenkomen."), MAANDEN),
    "support_group.meeting_hours": ("Duur van een bijeenkomst.", "uren"),
    "support_group.professional_support": (("Een professional helpt de supportgroep bij elkaar "
                                            "te blijven komen."), JA_NEE),
    "support_group.attendance_base": ("Kans dat een lid bij de eerste bijeenkomst komt.", KANS),
    "support_group.attendance_decay": (
        "Relatieve daling per maand van de opkomst in een supportgroep zonder steun.",
        "deel per maand"),
    "support_group.support_decay_factor": (
        "Daling van de opkomst met steun van een professional, ten opzichte van zonder.",
        FACTOR),
    "support_group.confidence_gain_per_10_hours": (
        ("Deel van de afstand tot volledig zelfvertrouwen dat elke 10 uur op bijeenkomsten "
         "van de supportgroep overbrugt."), AFSTAND),
    "support_group.durable_share": (("Deel van het zelfvertrouwen uit de supportgroep dat "
                                     "blijft als eigen niveau van de moeder."), AANDEEL),
    "support_group.tie_per_meeting": (
        "Kans dat twee aanwezigen die nog geen band hebben er op een bijeenkomst een vormen.",
        "kans per bijeenkomst"),
    "support_group.tie_fade_after_end_per_month": (
        "Kans per maand dat een band uit een supportgroep die niet meer bijeenkomt verdwijnt.",
        KANS_MAAND),
    "support_group.toolkit_cost_eur": ("Kosten van één toolkit voor één lid.", "euro per lid"),
    "support_group.support_cost_per_meeting_eur": (
        "Kosten van de steun van een professional bij één bijeenkomst (als er steun is).",
        "euro per bijeenkomst"),
    # ---- schuldhulpverlening ---------------------------------------------------------------
    "debt_counselling.trajectories": (("Schuldhulptrajecten die tegelijk lopen (de capaciteit "
                                       "die de gemeente inkoopt)."), "trajecten"),
    "debt_counselling.duration_months": (("Maanden dat een traject duurt, de schuldregeling "
                                          "inbegrepen."), MAANDEN),
    "debt_counselling.max_child_age_months": (
        ("Aangeboden aan moeders van wie het jongste kind jonger is dan deze leeftijd (of die "
         "zwanger zijn)."), MAANDEN),
    "debt_counselling.uptake": (("Kans dat een moeder bij wie schulden zijn geregistreerd een "
                                 "traject aanneemt (één keer gevraagd)."), KANS),
    "debt_counselling.resolution_hazard": (
        ("Kans per maand dat het schuldenprobleem van een moeder in een traject wordt opgelost "
         "(naast de oplossing via een aanvaarde doorverwijzing in het model)."), KANS_MAAND),
    "debt_counselling.stress_relief_per_month": (("Deel van haar stress dat elke maand in een "
                                                  "traject wegvalt."), "deel per maand"),
    "debt_counselling.other_exit_factor": (
        ("Kans op uitstroom uit de bijstand om andere redenen tijdens een traject, ten "
         "opzichte van zonder (door de volledige openheid over de financiën die het vraagt)."),
        FACTOR),
    "debt_counselling.search_factor": (
        ("Kans op een baanaanbod van een moeder in een traject, ten opzichte van zonder (de "
         "plicht uit de schuldregeling om werk te zoeken)."), FACTOR),
    "debt_counselling.cost_per_trajectory_month_eur": (("Kosten van één lopend traject per "
                                                        "maand."), "euro per traject per maand"),
    # ---- financiële coaching ---------------------------------------------------------------
    "financial_coaching.sessions_per_month": (
        ("Gesprekken per maand (de capaciteit van de budgetcoaches; één gesprek per maand per "
         "moeder)."), "gesprekken per maand"),
    "financial_coaching.sessions_per_mother": (("Gesprekken, één per maand, voordat het "
                                                "budget van een moeder is doorgerekend."),
                                               "gesprekken"),
    "financial_coaching.max_child_age_months": (
        ("Aangeboden aan moeders van wie het jongste kind jonger is dan deze leeftijd (of die "
         "zwanger zijn)."), MAANDEN),
    "financial_coaching.min_ladder_step": (
        "Aangeboden vanaf deze trede van de participatieladder (4: moeders die werk zoeken).",
        "trede"),
    "financial_coaching.uptake": (("Kans dat een moeder uit de doelgroep de coaching aanneemt "
                                   "(één keer gevraagd)."), KANS),
    "financial_coaching.topup_learned_per_session": (
        ("Kans dat een gesprek een moeder die het nog niet weet leert dat de bijstand "
         "deeltijdinkomen aanvult."), KANS),
    "financial_coaching.gain_correction_eur": (
        ("Euro per maand die bij de netto vooruitgang komt die een moeder van een baan "
         "verwacht, zodra haar budget is doorgerekend (de onzekerheid weggenomen)."), EUR_MAAND),
    "financial_coaching.effect_months": (("Maanden dat een doorgerekend budget meetelt in haar "
                                          "beslissing over een aanbod."), MAANDEN),
    "financial_coaching.childcare_topup_share": (
        ("Deel van haar eigen kosten van formele kinderopvang dat de gemeente na de coaching "
         "betaalt (0: geen aanvulling)."), AANDEEL),
    "financial_coaching.topup_months": (("Maanden na de coaching waarin de gemeentelijke "
                                         "aanvulling op de opvangkosten wordt betaald."),
                                        MAANDEN),
    "financial_coaching.cost_per_session_eur": ("Kosten van één gesprek.",
                                                "euro per gesprek"),
    # ---- werkervaringsplaatsen ---------------------------------------------------------------
    "work_experience.places": ("Werkervaringsplaatsen die de gemeente bij werkgevers heeft.",
                               "plaatsen"),
    "work_experience.months": ("Duur van een werkervaringsplaats.", MAANDEN),
    "work_experience.hours_per_week": (("Uren per week op een werkervaringsplaats (daarvoor is "
                                        "kinderopvang nodig)."), "uur per week"),
    "work_experience.min_ladder_step": (("Doorverwezen vanaf deze trede van de "
                                         "participatieladder."), "trede"),
    "work_experience.max_child_age_months": (("Doelgroep: jongste kind jonger dan deze "
                                              "leeftijd."), MAANDEN),
    "work_experience.referral_per_contact": (
        ("Kans dat een gesprek met de klantmanager vorige maand leidt tot een doorverwijzing "
         "naar een werkervaringsplaats."), KANS),
    "work_experience.programme_only": (("Alleen plaatsen voor moeders voor wie een ander "
                                        "programma een plaats vraagt (geen doorverwijzing door "
                                        "klantmanagers)."), JA_NEE),
    "work_experience.programme_first": (("Moeders voor wie een ander programma een plaats "
                                         "vraagt, gaan op de wachtlijst vóór de "
                                         "doorverwijzingen van klantmanagers."), JA_NEE),
    "work_experience.care_wait_months": (("Maanden dat een toegewezen plaats wordt "
                                          "vastgehouden terwijl de kinderopvang wordt geregeld."),
                                         MAANDEN),
    "work_experience.job_offer_chance": (
        ("Kans dat de werkgever in de laatste maand van de werkervaringsplaats een betaalde "
         "baan aanbiedt."), KANS),
    "work_experience.search_factor": (
        ("Kans op een aanbod van een andere werkgever tijdens de werkervaringsplaats, "
         "vergeleken met zonder (het aanbod van de eigen werkgever niet meegerekend)."), FACTOR),
    "work_experience.case_on_hold": (
        ("Een moeder op een werkervaringsplaats weet dat haar dossier na de start van een baan "
         "enkele maanden on hold blijft, zodat de stap uit de bijstand veiliger voelt."), JA_NEE),
    "work_experience.on_hold_acceptance_factor": (
        ("Kans dat zij een baan aanneemt waarmee zij uit de bijstand gaat als haar dossier on "
         "hold blijft, vergeleken met zonder."), FACTOR),
    "work_experience.dropout_hazard": (("Kans per maand dat een moeder voortijdig stopt (naast "
                                        "het wegvallen van kinderopvang)."), KANS_MAAND),
    "work_experience.cost_per_place_month_eur": ("Kosten van een bezette plaats per maand.",
                                                 "euro per plaats per maand"),
    "work_experience.childcare_cost_per_hour_eur": (
        "Kosten van een uur formele kinderopvang tijdens de werkervaringsplaats.",
        "euro per uur"),
    # ---- vroegsignalering in de zwangerschap ---------------------------------------------------
    "early_identification.capacity": ("Vrouwen die het programma tegelijk begeleidt.",
                                      "vrouwen"),
    "early_identification.identified_share": (
        ("Deel van de zwangerschappen van vrouwen in de bijstand dat via het zorgpad uit de "
         "geboortezorg bij het programma terechtkomt."), AANDEEL),
    "early_identification.identification_lag_months": (
        ("Maanden tussen het bekend worden van de zwangerschap (in de geboortezorg) en het "
         "moment dat de verwijzing het programma bereikt."), MAANDEN),
    "early_identification.months_after_birth": (("Maanden dat het programma een vrouw na de "
                                                 "bevalling begeleidt."), MAANDEN),
    "early_identification.conversations_per_month": (
        "Vroege gesprekken per maand met een vrouw in het programma.", "gesprekken per maand"),
    "early_identification.trust_gain_per_conversation": (
        ("Deel van de afstand tot volledig vertrouwen in de gemeente dat één gesprek "
         "overbrugt."), AFSTAND),
    "early_identification.childcare_trust_gain_per_conversation": (
        ("Deel van de afstand tot volledig vertrouwen in formele kinderopvang dat één gesprek "
         "overbrugt."), AFSTAND),
    "early_identification.topup_info_per_conversation": (
        "Kans dat een gesprek haar leert dat de bijstand een deeltijdloon blijft aanvullen.",
        KANS),
    "early_identification.register_in_pregnancy": (
        ("Zij schrijft zich al tijdens de zwangerschap in voor kinderopvang (vaker naarmate zij "
         "formele opvang meer vertrouwt), zodat de inschrijving vanaf dan telt."), JA_NEE),
    "early_identification.exemption_request_factor": (
        ("Kans dat zij een ontheffing op verzoek aanvraagt zolang zij in het programma zit, "
         "vergeleken met zonder programma."), FACTOR),
    "early_identification.cost_per_woman_month_eur": (
        "Kosten van een maand begeleiding van één vrouw.", "euro per vrouw per maand"),
    "early_identification.cost_per_referral_eur": (
        "Kosten van een verwijzing die het programma bereikt.", "euro per verwijzing"),
    # ---- projectmedewerkers ------------------------------------------------------------------
    "project_workers.workers": ("Projectmedewerkers (formatieplaatsen).", "medewerkers"),
    "project_workers.hours_per_month": ("Werkuren van een projectmedewerker per maand.",
                                        "uur per maand"),
    "project_workers.client_time_share": (
        "Deel van de uren van een projectmedewerker dat naar contact met deelnemers gaat.",
        AANDEEL),
    "project_workers.hours_per_contact": (
        ("Uren van een projectmedewerker per contact met een deelnemer, inclusief "
        "voorbereiding."), "uur"),
    "project_workers.clients_per_worker": (
        "Hoogste aantal deelnemers (in de bijstand of in nazorg) per projectmedewerker.",
        "moeders per medewerker"),
    "project_workers.recruitment": (
        ("Wie deelnemer wordt: de doelgroep ('target_group'), wie op een startbijeenkomst "
        "van het scenario was ('start_meetings') of klanten van de gespecialiseerde "
        "klantmanagers ('dedicated_coaches')."), "regel"),
    "project_workers.max_child_age_months": (
        "Doelgroep: jongste kind jonger dan deze leeftijd (of zwanger, als dat meetelt).",
        MAANDEN),
    "project_workers.include_pregnant": ("Zwangere vrouwen horen bij de doelgroep.", JA_NEE),
    "project_workers.include_exempt": (("Moeders met een ontheffing van de arbeidsplicht horen "
                                       "bij de doelgroep."), JA_NEE),
    "project_workers.programme_months": (
        "Maanden dat een moeder deelnemer blijft (zolang ze geen baan heeft gevonden).",
        MAANDEN),
    "project_workers.trust_multiplier": (
        ("Vertrouwen in de dienstverlening dat een contact met een projectmedewerker oplevert, "
        "vergeleken met een contact met de klantmanager."), FACTOR),
    "project_workers.ladder_effect": (
        ("Extra relatieve kans op een stap omhoog op de participatieladder in een maand met "
        "een contact met een projectmedewerker."), FACTOR),
    "project_workers.jobcoach_clients": (
        "Hoogste aantal werkzoekende deelnemers dat de jobcoach tegelijk helpt.", "moeders"),
    "project_workers.jobcoach_offer_boost": (
        "Kans op een baanaanbod in een maand met de jobcoach, vergeleken met zonder.", FACTOR),
    "project_workers.jobcoach_fte": (("Deel van een voltijdbaan dat de jobcoach aan het "
                                     "programma besteedt."), "fte"),
    "project_workers.aftercare_months": ("Maanden nazorg na de start van een baan.", MAANDEN),
    "project_workers.aftercare_job_loss_reduction": (
        ("Relatieve daling van het risico op baanverlies tijdens de nazorg van de "
        "projectmedewerkers."), AANDEEL),
    "project_workers.cost_per_fte_month_eur": (
        ("Kosten van een voltijdbaan (projectmedewerker of jobcoach) per maand; de baan van "
        "een projectmedewerker telt naar haar uren gedeeld door die van een klantmanager."),
        "euro per fte per maand"),
    # ---- startbijeenkomsten -------------------------------------------------------------------
    "start_meetings.meetings_per_year": ("Startbijeenkomsten per jaar.",
                                         "bijeenkomsten per jaar"),
    "start_meetings.invitations_per_meeting": (("Moeders die voor elke bijeenkomst een "
                                               "uitnodiging krijgen."), "moeders"),
    "start_meetings.max_invitations": (
        ("Hoogste aantal uitnodigingen per moeder (wie niet komt, krijgt een uitnodiging voor "
        "een latere bijeenkomst)."), "uitnodigingen"),
    "start_meetings.recruitment": (
        ("Wie een uitnodiging krijgt: de doelgroep ('target_group') of klanten van de "
        "gespecialiseerde klantmanagers van het scenario ('dedicated_coaches')."), "regel"),
    "start_meetings.max_child_age_months": (
        ("Uitgenodigd met een jongste kind jonger dan deze leeftijd (of zwanger, als dat "
        "meetelt)."), MAANDEN),
    "start_meetings.include_pregnant": ("Zwangere vrouwen krijgen een uitnodiging.", JA_NEE),
    "start_meetings.include_exempt": (("Moeders met een ontheffing van de arbeidsplicht "
                                      "krijgen een uitnodiging."), JA_NEE),
    "start_meetings.childcare_on_site": ("Kinderoppas op locatie, naast de bijeenkomst.",
                                         JA_NEE),
    "start_meetings.expert_share": (
        ("Deel van de bijeenkomsten met het verhaal van een ervaringsdeskundige (zelf "
        "aanwezig of als opname)."), AANDEEL),
    "start_meetings.attendance_base": (
        ("Kans dat een uitgenodigde moeder komt, bij vertrouwen en zelfvertrouwen van 0,5, "
        "zonder ontheffing en met oppas."), KANS),
    "start_meetings.attendance_trust_effect": (
        ("Hoeveel vertrouwen in de dienstverlening de opkomst verhoogt: de opkomst wordt "
        "vermenigvuldigd met 1 + effect × (2 × vertrouwen − 1)."), AANDEEL),
    "start_meetings.attendance_confidence_effect": (
        ("Hoeveel zelfvertrouwen de opkomst verhoogt: de opkomst wordt vermenigvuldigd met "
        "1 + effect × (2 × zelfvertrouwen − 1)."), AANDEEL),
    "start_meetings.attendance_exempt_factor": (("Opkomst van een moeder met een ontheffing, "
                                                "relatief."), FACTOR),
    "start_meetings.own_minder_share": (
        ("Kans dat een moeder met een jong kind en zonder vaste informele opvang zelf oppas "
        "voor de bijeenkomst vindt."), KANS),
    "start_meetings.confidence_gain": (
        ("Deel van de afstand tot volledig zelfvertrouwen dat een bijeenkomst zonder verhaal "
        "van een ervaringsdeskundige overbrugt."), AFSTAND),
    "start_meetings.trust_gain": (
        ("Deel van de afstand tot volledig vertrouwen in de dienstverlening dat een "
        "bijeenkomst zonder verhaal van een ervaringsdeskundige overbrugt."), AFSTAND),
    "start_meetings.expert_effect": (
        ("Winst in zelfvertrouwen en vertrouwen op een bijeenkomst met het verhaal van een "
        "ervaringsdeskundige, vergeleken met een bijeenkomst zonder."), FACTOR),
    "start_meetings.childcare_trust_gain": (
        ("Deel van de afstand tot volledig vertrouwen in formele kinderopvang dat oppas op "
        "locatie overbrugt."), AFSTAND),
    "start_meetings.intake": (
        ("Een uitgebreid intakegesprek na de bijeenkomst (een tweede contact naast het "
        "driegesprek)."), JA_NEE),
    "start_meetings.cost_per_meeting_eur": (
        "Kosten van één startbijeenkomst met de driegesprekken en intakes.",
        "euro per bijeenkomst"),
    "start_meetings.childcare_cost_per_child_eur": (
        "Kosten van oppas op locatie voor één kind tijdens een bijeenkomst.",
        "euro per kind per bijeenkomst"),
}

# Sources, by their English text (many parameters share one).
ROTTERDAM = "Rotterdamse evaluatie (2025), cohort van 855"
PRAKTIJK = "evaluatie- en praktijkrapporten"
KALIBRATIE = "aanname; gekalibreerd in scenarios/baseline.yaml"
DIVOSA_PARTTIME = ("Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & Inkomen): elke "
                   "maand heeft 8% van de mensen in de bijstand inkomsten uit parttime of "
                   "flexibel werk, doorgaans € 489 per maand; zij stromen bijna 3 keer zo vaak "
                   "uit naar werk als anderen, alleenstaande ouders en vrouwen 4 keer; hoe "
                   "langer in de bijstand, hoe minder parttime werk")
INSPECTIE_MAATREGELEN = ("Inspectie SZW (2017), Handhaving arbeidsverplichtingen: de wettelijke "
                         "minimummaatregel bij het niet nakomen van de arbeidsverplichtingen is "
                         "het inhouden van een maand uitkering; veel gemeenten handhaven de "
                         "verplichtingen niet")

SOURCES: dict[str, str] = {
    "assumption": "aanname",
    "Rotterdam evaluation (2025), cohort of 855": ROTTERDAM,
    "Participatiewet earnings disregard, July 2024": "inkomstenvrijlating Participatiewet, "
                                                     "juli 2024",
    "evaluation and practice reports: default target group": f"{PRAKTIJK}: gebruikelijke "
                                                             "doelgroep",
    "evaluation and practice reports: target group": f"{PRAKTIJK}: doelgroep",
    "assumption; experts by experience reach and move mothers whom professionals reach less "
    "(004:720, 004:1096-1098, 002:1404), so the range reaches above a professional's":
        "aanname; ervaringsdeskundigen bereiken en bewegen moeders die professionals minder "
        "goed bereiken (004:720, 004:1096-1098, 002:1404); de bandbreedte gaat daarom tot "
        "boven die van een professional",
    "assumption; evaluation and practice reports: self-run groups fade without a facilitator":
        f"aanname; {PRAKTIJK}: groepen zonder begeleider verwateren",
    "CBS via the municipality, 2022: women on assistance with a child under 5 in Charlois, "
    "Feijenoord and IJsselmonde":
        "CBS via de gemeente, 2022: vrouwen in de bijstand met een kind onder 5 in Charlois, "
        "Feijenoord en IJsselmonde",
    "evaluation and practice reports: target group configurable up to a child under 5":
        f"{PRAKTIJK}: doelgroep in te stellen tot een kind onder 5",
    "Rotterdam evaluation (2025): the programme's target group is a child under 2 or pregnant":
        "Rotterdamse evaluatie (2025): de doelgroep van het programma is zwanger of een kind "
        "onder 2",
    "Rotterdam evaluation (2025), cohort of 855: mean age 31.4 of the period sample; "
    "calibrated in scenarios/baseline.yaml so that the sample, older than at entry, has that "
    "mean (docs/calibration.md)":
        f"{ROTTERDAM}: gemiddelde leeftijd 31,4 in de periodesteekproef; gekalibreerd in "
        "scenarios/baseline.yaml zodat de steekproef, die ouder is dan bij instroom, dat "
        "gemiddelde heeft (docs/calibration.md)",
    "Rotterdam evaluation (2025), cohort of 855: sd 6.3 of the period sample; calibrated in "
    "scenarios/baseline.yaml to that sd (docs/calibration.md)":
        f"{ROTTERDAM}: standaardafwijking 6,3 in de periodesteekproef; gekalibreerd in "
        "scenarios/baseline.yaml op die standaardafwijking (docs/calibration.md)",
    "assumption: adult assistance": "aanname: bijstand voor volwassenen",
    "assumption; calibrated in scenarios/baseline.yaml so that, with the returns of mothers who "
    "left during the simulation, 44.5% of inflow is a return (Rotterdam evaluation (2025), "
    "cohort of 855, 004:428; docs/calibration.md)":
        f"{KALIBRATIE} zodat, met de herinstroom van moeders die tijdens de simulatie "
        f"uitstroomden, 44,5% van de instroom herinstroom is ({ROTTERDAM}, 004:428; "
        "docs/calibration.md)",
    "assumption; calibrated in scenarios/baseline.yaml, with the prevalences, to 47% with a "
    "registered barrier at entry (Rotterdam evaluation (2025), cohort of 855; "
    "docs/calibration.md)":
        f"{KALIBRATIE}, met de vóórkomens van belemmeringen, op 47% met een geregistreerde "
        f"belemmering bij instroom ({ROTTERDAM}; docs/calibration.md)",
    "assumption; evaluation and practice reports: networks are small":
        f"aanname; {PRAKTIJK}: netwerken zijn klein",
    "assumption; evaluation and practice reports: ties are mostly people without work":
        f"aanname; {PRAKTIJK}: contacten zijn vooral mensen zonder werk",
    "evaluation and practice reports: half of interviewed mothers did not know that a top-up "
    "benefit continues":
        f"{PRAKTIJK}: de helft van de geïnterviewde moeders wist niet dat de bijstand een "
        "deeltijdloon blijft aanvullen",
    "assumption; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
    "(Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 55,2% met een ontheffing ({ROTTERDAM}; docs/calibration.md)",
    "assumption; Rotterdam evaluation (2025), cohort of 855: 94% have exactly one child "
    "under 2":
        f"aanname; {ROTTERDAM}: 94% heeft precies één kind onder 2",
    "assumption; calibrated in scenarios/baseline.yaml so that the stock stays near its "
    "initial size (docs/calibration.md)":
        f"{KALIBRATIE} zodat het bestand ongeveer op de beginstand blijft "
        "(docs/calibration.md)",
    "assumption; many mothers were on assistance before they became pregnant (MODEL.md; "
    "004:194-196: 52% of Rotterdam women aged 15-44 on assistance for 3 years or more); "
    "calibrated in scenarios/baseline.yaml to that figure (docs/calibration.md)":
        "aanname; veel moeders zaten al in de bijstand voordat ze zwanger werden (MODEL.md; "
        "004:194-196: 52% van de Rotterdamse vrouwen van 15 tot 44 jaar in de bijstand zit er 3 "
        "jaar of langer in); gekalibreerd in scenarios/baseline.yaml op dat cijfer "
        "(docs/calibration.md)",
    "assumption; calibrated in scenarios/baseline.yaml, with inflow_transfer_share, to 52% on "
    "assistance for 3 years or more (004:194-196; docs/calibration.md)":
        f"{KALIBRATIE}, samen met inflow_transfer_share, op 52% die 3 jaar of langer in de "
        "bijstand zit (004:194-196; docs/calibration.md)",
    "assumption: the slowest pools (mothers in work, followed for work_followup_months, and "
    "leavers who may return, whose returns feed the stock) settle within about ten years of a "
    "synthetic start (docs/model.md)":
        "aanname: de traagste groepen (werkende moeders, gevolgd gedurende work_followup_months, "
        "en uitgestroomde moeders die kunnen terugkeren en met hun herinstroom het bestand "
        "aanvullen) komen binnen ongeveer tien jaar na een kunstmatige start in evenwicht "
        "(docs/model.md)",
    "assumption: births after 45 are rare": "aanname: geboortes na 45 zijn zeldzaam",
    "assumption: pregnancy registered at about 2 months":
        "aanname: een zwangerschap wordt na ongeveer 2 maanden bekend",
    "assumption; calibrated in scenarios/baseline.yaml to 8% of exemptions being the one a "
    "single parent with a child under 5 may request (004:428; docs/calibration.md)":
        f"{KALIBRATIE} op 8% ontheffingen op verzoek van een alleenstaande ouder met een kind "
        "onder 5 (004:428; docs/calibration.md)",
    "assumption; 004:428: exemptions have several reasons":
        "aanname; 004:428: ontheffingen hebben verschillende redenen",
    "assumption; calibrated in scenarios/baseline.yaml to 55.2% with any exemption (Rotterdam "
    "evaluation (2025), cohort of 855, 004:418; docs/calibration.md)":
        f"{KALIBRATIE} op 55,2% met een ontheffing ({ROTTERDAM}, 004:418; docs/calibration.md)",
    "evaluation and practice reports: single parents with a child under 5 may request an "
    "exemption (004:190)":
        f"{PRAKTIJK}: alleenstaande ouders met een kind onder 5 kunnen ontheffing aanvragen "
        "(004:190)",
    "Rotterdam evaluation (2025), cohort of 855: exemptions were mostly temporary (78%, 004:418)":
        f"{ROTTERDAM}: ontheffingen waren meestal tijdelijk (78%, 004:418)",
    "evaluation and practice reports: exemptions are reviewed every 6 months (004:190)":
        f"{PRAKTIJK}: ontheffingen worden elk half jaar herbeoordeeld (004:190)",
    "assumption; evaluation and practice reports: mostly temporary":
        f"aanname; {PRAKTIJK}: meestal tijdelijk",
    "assumption; Rotterdam evaluation (2025): regular caseloads are high (Samen voor Zuid: "
    "about 80)":
        "aanname; Rotterdamse evaluatie (2025): reguliere caseloads zijn hoog (Samen voor "
        "Zuid: ongeveer 80)",
    "assumption: a full-time post of 36 hours a week less leave":
        "aanname: een voltijdsfunctie van 36 uur per week min verlof",
    "assumption: incl. preparation and report": "aanname: inclusief voorbereiding en verslag",
    "assumption; gains from a short course last months, not years: the JOBS trial's effect on "
    "work was smaller at 12 months than at 6 (Brenninkmeijer & Blonk 2012)":
        "aanname; wat een korte cursus oplevert, houdt maanden stand, geen jaren: het effect van "
        "het JOBS-experiment op werk was na 12 maanden kleiner dan na 6 (Brenninkmeijer & Blonk "
        "2012)",
    "assumption; 004:655: without trust mothers do not tell what holds them back; 004:1078":
        "aanname; 004:655: zonder vertrouwen vertellen moeders niet wat hen tegenhoudt; 004:1078",
    "assumption; 004:655: trust is needed before help is accepted":
        "aanname; 004:655: er is vertrouwen nodig voordat hulp wordt aangenomen",
    "assumption; calibrated in scenarios/baseline.yaml to 14% of leavers leaving for "
    "non-cooperation (Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 14% van de uitstroom wegens niet meewerken "
        f"({ROTTERDAM}; docs/calibration.md)",
    "assumption; calibrated in scenarios/baseline.yaml to 0.9% of benefits with a sanction "
    "running (CBS (2007), Kortdurende bijstandsuitkeringen vaker gekort: 0.9% of the benefits in "
    "payment had a financial sanction running, four times as often in spells under a year as in "
    "spells of five years or more)":
        f"{KALIBRATIE} op 0,9% van de uitkeringen met een lopende maatregel (CBS (2007), "
        "Kortdurende bijstandsuitkeringen vaker gekort: bij 0,9% van de lopende uitkeringen liep "
        "een financiële maatregel, vier keer zo vaak bij uitkeringen korter dan een jaar als bij "
        "uitkeringen van vijf jaar of langer)",
    "assumption: data matching finds a few unreported changes":
        "aanname: bestandskoppelingen brengen enkele niet-gemelde wijzigingen aan het licht",
    "assumption: data matching (Suwinet) notices some unreported changes without a contact; most "
    "stops follow an appointment or a request she does not answer":
        "aanname: bestandskoppelingen (Suwinet) brengen zonder contact enkele niet-gemelde "
        "wijzigingen aan het licht; de meeste beëindigingen volgen op een afspraak of een "
        "verzoek waarop ze niet reageert",
    "assumption; Inspectie SZW (2017), Handhaving arbeidsverplichtingen: the legal minimum "
    "sanction for breaching the work obligations is a cut of a month's benefit; many "
    "municipalities do not enforce the obligations": f"aanname; {INSPECTIE_MAATREGELEN}",
    "Inspectie SZW (2017), Handhaving arbeidsverplichtingen: the legal minimum sanction for "
    "breaching the work obligations is a cut of a month's benefit; many municipalities do not "
    "enforce the obligations": INSPECTIE_MAATREGELEN,
    "Inspectie SZW (2017), Handhaving arbeidsverplichtingen: the legal minimum sanction for "
    "breaching the work obligations is a cut of a month's benefit; many municipalities do not "
    "enforce the obligations (one to three months)":
        f"{INSPECTIE_MAATREGELEN} (een tot drie maanden)",
    "Van den Berg, Van der Klaauw & Van Ours (2004), J. Labor Econ. 22: a sanction substantially "
    "raises the transition from welfare to work (Rotterdam); the size here is an assumption":
        "Van den Berg, Van der Klaauw & Van Ours (2004), J. Labor Econ. 22: een maatregel "
        "verhoogt de uitstroom uit de bijstand naar werk aanzienlijk (Rotterdam); de grootte "
        "hier is een aanname",
    "assumption; Hainmueller et al. (2016), Scand. J. Econ. 118(4): lower caseloads brought more "
    "monitoring and more sanctions":
        "aanname; Hainmueller et al. (2016), Scand. J. Econ. 118(4): lagere caseloads brachten "
        "meer controle en meer maatregelen",
    "assumption: employer cost of a full-time work coach":
        "aanname: loonkosten van een voltijds werkcoach",
    "assumption; evaluation and practice reports: fast change can cause a setback":
        f"aanname; {PRAKTIJK}: snelle verandering kan tot terugval leiden",
    "assumption; evaluation and practice reports: stress events and sick children push down":
        f"aanname; {PRAKTIJK}: stressvolle gebeurtenissen en zieke kinderen zorgen voor "
        "terugval",
    "assumption; a single parent's exemption covers the work obligation, not the duty to take "
    "part in re-integration (Kamerstuk 31 519); who gets an exemption (illness, care, a very "
    "young child) is in the barriers and the child's age":
        "aanname; de ontheffing van een alleenstaande ouder geldt voor de arbeidsplicht, niet "
        "voor de plicht om mee te werken aan re-integratie (Kamerstuk 31 519); wie een "
        "ontheffing krijgt (ziekte, zorg, een heel jong kind) zit in de belemmeringen en de "
        "leeftijd van het kind",
    "evaluation and practice reports: mothers at the top steps search":
        f"{PRAKTIJK}: moeders op de hoogste treden zoeken werk",
    "Avram, Brewer & Salvatori (2018), Labour Economics 51: work-search requirements for UK "
    "single parents raised exits from benefit, about half of them into (mostly part-time) work; "
    "CPB (2022), Vervolgonderzoek experimenten Participatiewet: exempting recipients from their "
    "obligations did not lower work two years on (Utrecht: 24% working 12+ hours a week against "
    "15%; no effect in Deventer and Wageningen): the sources disagree on the size, so the range "
    "spans both":
        "Avram, Brewer & Salvatori (2018), Labour Economics 51: sollicitatieverplichtingen voor "
        "alleenstaande ouders in het Verenigd Koninkrijk verhoogden de uitstroom uit de "
        "uitkering, voor ongeveer de helft naar (meestal parttime) werk; CPB (2022), "
        "Vervolgonderzoek experimenten Participatiewet: ontheffing van de verplichtingen "
        "verlaagde het werken twee jaar later niet (Utrecht: 24% werkte 12 uur of meer per week "
        "tegen 15%; geen effect in Deventer en Wageningen): de bronnen verschillen over de "
        "grootte, dus de bandbreedte omvat beide",
    "assumption: few mothers start a job in their child's first year":
        "aanname: weinig moeders beginnen aan een baan in het eerste levensjaar van hun kind",
    "assumption; calibrated in scenarios/baseline.yaml to 25% of leavers leaving for work "
    "(Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 25% uitstroom naar werk ({ROTTERDAM}; docs/calibration.md)",
    "assumption; lower caseloads brought more job offers from caseworkers (Böheim, Eppel & "
    "Mahringer 2023) and more registered vacancies (Hainmueller et al. 2016)":
        "aanname; lagere caseloads brachten meer baanaanbiedingen van klantmanagers (Böheim, "
        "Eppel & Mahringer 2023) en meer gemelde vacatures (Hainmueller et al. 2016)",
    "assumption; evaluation and practice reports: employers perceive risk in hiring mothers "
    "of young children":
        f"aanname; {PRAKTIJK}: werkgevers zien risico's in het aannemen van moeders van jonge "
        "kinderen",
    "assumption: the modelled mothers are a small part of the local labour market, so vacancies "
    "seldom run out for them (the metric offers_over_vacancies shows when they do)":
        "aanname: de moeders in het model zijn een klein deel van de lokale arbeidsmarkt, dus de "
        "vacatures raken voor hen zelden op (de maatstaf offers_over_vacancies laat zien wanneer "
        "dat wel gebeurt)",
    "Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & Inkomen): every month 8% "
    "of people on assistance earn from part-time or flexible work, typically EUR 489 a month; "
    "they leave for work almost 3 times as often as others, single parents and women 4 times; "
    "the longer on assistance, the less part-time work: EUR 489 a month is about 8 hours a week "
    "at the minimum wage":
        f"{DIVOSA_PARTTIME}: € 489 per maand is ongeveer 8 uur per week tegen het minimumloon",
    "assumption: about the statutory minimum wage in 2025":
        "aanname: ongeveer het wettelijk minimumloon in 2025",
    "52 weeks / 12 months": "52 weken / 12 maanden",
    "assumption; evaluation and practice reports: an offer needs an income gain the mother "
    "believes in (004:538)":
        f"aanname; {PRAKTIJK}: een moeder neemt een aanbod aan als ze gelooft dat ze er in "
        "inkomen op vooruitgaat (004:538)",
    "assumption: net pay at about the minimum wage, after taxes, premiums and credits":
        "aanname: nettoloon rond het minimumloon, na belastingen, premies en heffingskortingen",
    "assumption; employers ask whether childcare is arranged and turn mothers down without it "
    "(004:630-650, 004:1207)":
        "aanname; werkgevers vragen of de kinderopvang geregeld is en wijzen moeders zonder "
        "opvang af (004:630-650, 004:1207)",
    "assumption; calibrated in scenarios/baseline.yaml so that, with who works part-time, "
    "part-time workers leave for work about 3.5 times as often as others (Divosa (2019), "
    "Parttime werk in de bijstand (Benchmark Werk & Inkomen): every month 8% of people on "
    "assistance earn from part-time or flexible work, typically EUR 489 a month; they leave for "
    "work almost 3 times as often as others, single parents and women 4 times; the longer on "
    "assistance, the less part-time work)":
        f"{KALIBRATIE} zodat, gegeven wie parttime werkt, parttime werkenden ongeveer 3,5 keer "
        f"zo vaak uitstromen naar werk als anderen ({DIVOSA_PARTTIME})",
    "assumption; calibrated in scenarios/baseline.yaml to 8% of mothers on assistance with "
    "part-time work in a month (Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & "
    "Inkomen): every month 8% of people on assistance earn from part-time or flexible work, "
    "typically EUR 489 a month; they leave for work almost 3 times as often as others, single "
    "parents and women 4 times; the longer on assistance, the less part-time work)":
        f"{KALIBRATIE} op 8% van de moeders in de bijstand met parttime werk in een maand "
        f"({DIVOSA_PARTTIME})",
    "assumption: part-time or flexible work beside organised activities":
        "aanname: parttime of flexibel werk naast georganiseerde activiteiten",
    "assumption: most part-time work on assistance is flexible or on call":
        "aanname: het meeste parttime werk naast de bijstand is flexibel of op oproepbasis",
    "Dutch school age 4: younger children need daycare during work":
        "leerplicht vanaf 4 jaar: jongere kinderen hebben opvang nodig tijdens het werk",
    "assumption; with informal_care_per_tie it sets how many job starts rely on formal care "
    "(docs/calibration.md)":
        "aanname; bepaalt met informal_care_per_tie hoeveel moeders bij de start van een baan op "
        "formele opvang steunen (docs/calibration.md)",
    "assumption; evaluation and practice reports: first come, first served, with a "
    "registration lag":
        f"aanname; {PRAKTIJK}: wie het eerst komt, het eerst maalt, na een wachttijd",
    "evaluation and practice reports: a place usually requires a job or course first":
        f"{PRAKTIJK}: voor een plaats is meestal eerst een baan of opleiding nodig",
    "assumption; calibrated in scenarios/baseline.yaml to the declared share of job starts that "
    "rely on informal care (docs/calibration.md)":
        f"{KALIBRATIE} op het vastgelegde aandeel moeders dat bij de start van een baan op "
        "informele opvang steunt (docs/calibration.md)",
    "assumption; participants of group trajectories sometimes mind each other's children "
    "(004:1154)":
        "aanname; deelnemers aan groepstrajecten passen soms op elkaars kinderen (004:1154)",
    "assumption; networks are small, mostly without work and unreliable (004:570, 004:1154, "
    "000:27)":
        "aanname; netwerken zijn klein, vooral zonder werk en weinig betrouwbaar (004:570, "
        "004:1154, 000:27)",
    "assumption; 000:27: when children are ill there is no network to fall back on":
        "aanname; 000:27: als kinderen ziek zijn, is er geen netwerk om op terug te vallen",
    "assumption: what a mother at about the minimum wage pays herself for formal care after the "
    "childcare allowance (kinderopvangtoeslag, about 96% of the maximum hourly rate at the "
    "lowest incomes) and the provider's price above that rate":
        "aanname: wat een moeder rond het minimumloon zelf betaalt voor formele opvang na de "
        "kinderopvangtoeslag (ongeveer 96% van de maximum uurprijs bij de laagste inkomens) en "
        "het deel van de prijs van de opvangorganisatie boven die uurprijs",
    "assumption; new places mostly replace informal care (Havnes & Mogstad 2011, J. Public Econ. "
    "95): mothers who work on informal care want a formal place most":
        "aanname; nieuwe plaatsen vervangen vooral informele opvang (Havnes & Mogstad 2011, J. "
        "Public Econ. 95): moeders die werken met informele opvang willen het liefst een formele "
        "plaats",
    "assumption: the hours of care childcare_net_cost_eur is stated for":
        "aanname: de uren opvang waarvoor childcare_net_cost_eur is opgegeven",
    "assumption; calibrated in scenarios/baseline.yaml to 27% of leavers leaving for study "
    "(Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 27% uitstroom naar studie ({ROTTERDAM}; docs/calibration.md)",
    "Student finance rules favour study before 30":
        "de regels voor studiefinanciering maken studeren vóór 30 aantrekkelijker",
    "assumption; calibrated in scenarios/baseline.yaml to 10% of leavers leaving for a "
    "partner's income (Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 10% uitstroom naar een inkomen van de partner ({ROTTERDAM}; "
        "docs/calibration.md)",
    "assumption; calibrated in scenarios/baseline.yaml to 24% of leavers leaving for other "
    "reasons (Rotterdam evaluation (2025), cohort of 855; docs/calibration.md)":
        f"{KALIBRATIE} op 24% uitstroom om andere redenen ({ROTTERDAM}; docs/calibration.md)",
    "Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: more caseworker time moved "
    "women out of the labour force more than into work; the size is fitted to that trial (the "
    "evidence checks caseworker_benefit_days and caseworker_out_of_work_days then report "
    "calibrated)":
        "Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: meer tijd van de "
        "klantmanager bracht vrouwen vaker buiten de beroepsbevolking dan aan het werk; de "
        "grootte is afgestemd op dat experiment (de toetsen caseworker_benefit_days en "
        "caseworker_out_of_work_days melden daarom 'gekalibreerd')",
    "CBS (2008), Korter in de bijstand, makkelijker eruit: in 2006 the assistance of 22% of "
    "those on it for less than a year ended, of 8% of those on it for more than three years "
    "(with who stays, not only what staying does, so the floor alone may lie below that ratio); "
    "calibrated in scenarios/baseline.yaml, with duration_dependence_months, to the stock's "
    "yearly outflow and to long-term recipients (docs/calibration.md)":
        "CBS (2008), Korter in de bijstand, makkelijker eruit: in 2006 eindigde de bijstand van "
        "22% van wie er korter dan een jaar in zat, en van 8% van wie er langer dan drie jaar "
        "in zat (mede door wie blijft, niet alleen door wat blijven doet, dus de ondergrens "
        "alleen kan onder die verhouding liggen); gekalibreerd in scenarios/baseline.yaml, samen "
        "met duration_dependence_months, op de jaarlijkse uitstroom uit het bestand en op "
        "langdurig bijstandsgerechtigden (docs/calibration.md)",
    "assumption; calibrated with duration_dependence_floor":
        "aanname; gekalibreerd samen met duration_dependence_floor",
    "assumption: a short interruption does not make a long-term recipient a newcomer":
        "aanname: door een korte onderbreking wordt een langdurig bijstandsgerechtigde geen "
        "nieuwkomer",
    "assumption; calibrated in scenarios/baseline.yaml, with the early factor, to CBS: of those "
    "who left assistance for a job in 2021, 82% were employed without assistance after 6 months "
    "and 72% after 18 months, 9% back on assistance (CBS 2024, Cohortonderzoek "
    "bijstandsuitstroom naar werk 2021)":
        f"{KALIBRATIE}, samen met de factor voor vroeg baanverlies, op het CBS: van wie in 2021 "
        "uit de bijstand naar werk ging, werkte 82% na 6 maanden zonder bijstand en 72% na 18 "
        "maanden, en zat 9% weer in de bijstand (CBS 2024, Cohortonderzoek bijstandsuitstroom "
        "naar werk 2021)",
    "assumption; evaluation and practice reports: most likely in the first months (CBS: 18% not "
    "employed without assistance 6 months after a job start)":
        f"aanname; {PRAKTIJK}: het meest waarschijnlijk in de eerste maanden (CBS: 18% werkt 6 "
        "maanden na de start van een baan niet zonder bijstand)",
    "assumption; employers' biggest fear is constant sick children at home (004:630-650)":
        "aanname; werkgevers zijn het meest bang voor kinderen die steeds ziek thuis zijn "
        "(004:630-650)",
    "assumption: she keeps her work experience": "aanname: ze houdt haar werkervaring",
    "assumption; CBS: 9% of those who left for a job in 2021 were back on assistance 18 months "
    "later":
        "aanname; CBS: van wie in 2021 uitstroomde naar werk, zat 9% 18 maanden later weer in de "
        "bijstand",
    "assumption: unemployment insurance (WW) comes first for those who qualify (26 of the last "
    "36 weeks worked), for three months or more; those who do not qualify return at once":
        "aanname: wie aan de wekeneis voldoet (26 van de laatste 36 weken gewerkt) krijgt eerst "
        "WW, drie maanden of langer; wie dat niet doet, komt direct terug in de bijstand",
    "Divosa (2015), monitor in- en uitstroom 2014: of those whose assistance ended through "
    "enforcement, 28% are back within six months: with return_noncooperation_delay_months of 3, "
    "32% return and 29% within six months":
        "Divosa (2015), monitor in- en uitstroom 2014: van wie de bijstand eindigde door "
        "handhaving, is 28% binnen zes maanden terug: met return_noncooperation_delay_months "
        "op 3 keert 32% terug en 29% binnen zes maanden",
    "assumption; study stops (MODEL.md)":
        "aanname; de studie stopt (MODEL.md)",
    "assumption; the partner's income ends with a relationship breakdown (MODEL.md)":
        "aanname; het inkomen van de partner valt weg als de relatie eindigt (MODEL.md)",
    "assumption; CBS follows job leavers for 18 months":
        "aanname; CBS volgt wie een baan verliest 18 maanden",
    "Rijksoverheid, Participatiewet norm for a single parent aged 21+, 1 Jan 2025":
        "Rijksoverheid, bijstandsnorm Participatiewet voor een alleenstaande ouder van 21 "
        "jaar of ouder, 1 januari 2025",
    "assumption; evaluation and practice reports: aftercare lowers the risk of early job loss":
        f"aanname; {PRAKTIJK}: nazorg verlaagt het risico op vroeg baanverlies",
    "Rotterdam evaluation (2025): 6 dedicated coaches in 3 teams":
        "Rotterdamse evaluatie (2025): 6 gespecialiseerde klantmanagers in 3 teams",
    "assumption; Samen voor Zuid coaches have about 80 clients (Rotterdam evaluation (2025))":
        "aanname; klantmanagers van Samen voor Zuid hebben ongeveer 80 klanten (Rotterdamse "
        "evaluatie (2025))",
    "Rotterdam evaluation (2025): coaches trained in gender-sensitive work":
        "Rotterdamse evaluatie (2025): klantmanagers getraind in gendersensitief werken",
    "assumption: employer cost of a full-time coach":
        "aanname: loonkosten van een voltijds klantmanager",
    "assumption; Rotterdam also had 3 project workers and a project lead":
        "aanname; Rotterdam had daarnaast 3 projectmedewerkers en een projectleider",
    "evaluation and practice reports: groups of 8-10 mothers":
        f"{PRAKTIJK}: groepen van 8 tot 10 moeders",
    "evaluation and practice reports: formats of 10 or 12 sessions, up to a standing weekly "
    "group (001:36)":
        f"{PRAKTIJK}: opzetten met 10 of 12 bijeenkomsten, tot een vaste wekelijkse groep "
        "(001:36)",
    "evaluation and practice reports: a child under 2 to 4 (004:815); no limit in other "
    "programmes (002:1400, 003:43)":
        f"{PRAKTIJK}: een kind jonger dan 2 tot 4 jaar (004:815); geen leeftijdsgrens in andere "
        "programma's (002:1400, 003:43)",
    "evaluation and practice reports: monthly, weekly or twice-weekly formats (004:937)":
        f"{PRAKTIJK}: bijeenkomsten per maand, per week of twee keer per week (004:937)",
    "evaluation and practice reports: sessions of 2.5 or 4 hours":
        f"{PRAKTIJK}: bijeenkomsten van 2,5 of 4 uur",
    "evaluation and practice reports: a trajectory starting with 2 months at 2 days a week":
        f"{PRAKTIJK}: een traject dat begint met 2 maanden van 2 dagen per week",
    "evaluation and practice reports: 2 days a week": f"{PRAKTIJK}: 2 dagen per week",
    "evaluation and practice reports: a 1-month internship": f"{PRAKTIJK}: een stage van 1 maand",
    "evaluation and practice reports: facilitated by a professional or a former participant":
        f"{PRAKTIJK}: begeleid door een professional of een oud-deelnemer",
    "evaluation and practice reports: a format with childcare": f"{PRAKTIJK}: een opzet met "
                                                                "kinderopvang",
    "evaluation and practice reports: childcare arranged before the start":
        f"{PRAKTIJK}: kinderopvang geregeld vóór de start",
    "Rotterdam evaluation (2025): the participation funnel (004:446-448, 004:716, 004:766, "
    "004:811): 223 selected for 15 start meetings":
        "Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, 004:716, "
        "004:766, 004:811): 223 vrouwen geselecteerd voor 15 startbijeenkomsten",
    "Rotterdam evaluation (2025): the participation funnel (004:446-448, 004:716, 004:766, "
    "004:811): 177 invited, 15 start meetings of about 10":
        "Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, 004:716, "
        "004:766, 004:811): 177 uitgenodigd, 15 startbijeenkomsten van ongeveer 10",
    "Rotterdam evaluation (2025): the participation funnel (004:446-448, 004:716, 004:766, "
    "004:811): 48 registered, 40 started":
        "Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, 004:716, "
        "004:766, 004:811): 48 aanmeldingen, 40 gestart",
    "Rotterdam evaluation (2025): the participation funnel (004:446-448, 004:716, 004:766, "
    "004:811): 46 of the 223 selected had been approached before":
        "Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, 004:716, "
        "004:766, 004:811): 46 van de 223 geselecteerden waren al eerder benaderd",
    "Rotterdam evaluation (2025): mainly mothers of toddlers aged 2-4 were approached (004:815)":
        "Rotterdamse evaluatie (2025): vooral moeders van peuters van 2-4 jaar zijn benaderd "
        "(004:815)",
    "Rotterdam evaluation (2025): invited to a (mandatory) start meeting (004:448, 004:716)":
        "Rotterdamse evaluatie (2025): uitgenodigd voor een (verplichte) startbijeenkomst "
        "(004:448, 004:716)",
    "Rotterdam evaluation (2025): start meetings of about 10 women (004:716)":
        "Rotterdamse evaluatie (2025): startbijeenkomsten van gemiddeld 10 vrouwen (004:716)",
    "assumption: the participation ladder describes what she does (step 4: unpaid work or "
    "an internship, docs/model.md), and a month's internship ends; no source says how many "
    "go on to other unpaid work, so the range spans none to all":
        "aanname: de participatieladder beschrijft wat ze doet (trede 4: onbetaald werk of "
        "een stage, docs/model.md), en een stage van een maand houdt op; geen bron zegt "
        "hoeveel deelnemers daarna ander onbetaald werk doen, dus de bandbreedte loopt van "
        "niemand tot iedereen",
    "assumption: work-experience places per group are not counted in the sources (004:817 "
    "names care, retail, childcare, hospitality and hostess work)":
        "aanname: het aantal werkervaringsplaatsen per groep staat niet in de bronnen (004:817 "
        "noemt zorg, verkoop, kinderopvang, horeca en gastvrouw)",
    "Rotterdam evaluation (2025): a weekly theme meeting during the internship (004:817)":
        "Rotterdamse evaluatie (2025): een wekelijkse themabijeenkomst tijdens de stage "
        "(004:817)",
    "assumption; evaluation and practice reports: insecure mothers hold back":
        f"aanname; {PRAKTIJK}: onzekere moeders houden zich afzijdig",
    "assumption; Rotterdam evaluation (2025): a warm welcome unlike the usual contact with "
    "the municipality (004:730)":
        "aanname; Rotterdamse evaluatie (2025): een warm welkom, anders dan het gewone "
        "contact met de gemeente (004:730)",
    "assumption; Rotterdam evaluation (2025): many mothers could not arrange a sitter "
    "(004:716)":
        "aanname; Rotterdamse evaluatie (2025): veel moeders lukte het niet zelf oppas te "
        "regelen (004:716)",
    "Rotterdam evaluation (2025): invitations via coaches":
        "Rotterdamse evaluatie (2025): uitnodigingen via klantmanagers",
    "assumption; Rotterdam evaluation (2025): of 177 invited, 67 took a training and 40 "
    "started a trajectory":
        "aanname; Rotterdamse evaluatie (2025): van 177 uitgenodigden volgden er 67 een "
        "training en begonnen er 40 aan een traject",
    "assumption; evaluation and practice reports: attendance drops for sick children":
        f"aanname; {PRAKTIJK}: de opkomst daalt door zieke kinderen",
    "assumption; evaluation and practice reports: attendance drops for language problems":
        f"aanname; {PRAKTIJK}: de opkomst daalt door taalproblemen",
    "assumption; evaluation and practice reports: clashing obligations":
        f"aanname; {PRAKTIJK}: verplichtingen die botsen",
    "assumption; evaluation and practice reports: one mother left for a language course":
        f"aanname; {PRAKTIJK}: één moeder vertrok voor een taalcursus",
    "assumption; group job-search training raises job finding while it runs (the JOBS trial: "
    "Brenninkmeijer & Blonk 2012)":
        "aanname; een sollicitatietraining in groepsverband vergroot de kans op werk zolang ze "
        "loopt (het JOBS-experiment: Brenninkmeijer & Blonk 2012)",
    "assumption; what a group teaches about searching lasts beyond its sessions: after a "
    "one-week training the JOBS participants were more often in work at 6 months, less so at 12 "
    "(Brenninkmeijer & Blonk 2012)":
        "aanname; wat een groep leert over zoeken, werkt door na de bijeenkomsten: na een "
        "training van een week werkten de deelnemers aan het JOBS-experiment na 6 maanden "
        "vaker, na 12 maanden minder uitgesproken (Brenninkmeijer & Blonk 2012)",
    "assumption; evaluation and practice reports: effects run through ties; friendships take "
    "time, so a short course forms few (the JOBS trial's effect faded within a year: "
    "Brenninkmeijer & Blonk 2012)":
        f"aanname; {PRAKTIJK}: effecten lopen via onderlinge banden; vriendschappen hebben tijd "
        "nodig, dus een korte cursus levert er weinig op (het effect van het JOBS-experiment "
        "verdween binnen een jaar: Brenninkmeijer & Blonk 2012)",
    "assumption: contact between members thins out once a group stops meeting":
        "aanname: het contact tussen deelnemers neemt af zodra een groep niet meer bijeenkomt",
    "assumption; evaluation and practice reports: peer support lowers the risk of job loss":
        f"aanname; {PRAKTIJK}: steun van lotgenoten verlaagt het risico op baanverlies",
    "assumption: facilitator and venue; a venue alone for a self-steering group":
        "aanname: begeleider en ruimte; alleen een ruimte voor een zelfsturende groep",
    "assumption: start meeting and recruitment": "aanname: startbijeenkomst en werving",
    "evaluation and practice reports: for a job, internship or course":
        f"{PRAKTIJK}: voor een baan, stage of opleiding",
    "assumption: the municipality's share of a full place":
        "aanname: het deel van de gemeente in de kosten van een volledige plaats",
    "002:1638: the number of families a year needs a matching number of volunteers":
        "002:1638: het aantal gezinnen per jaar vraagt een evenredig aantal vrijwilligers",
    "assumption; 002:1593: one family visited at home":
        "aanname; 002:1593: de vrijwilliger bezoekt één gezin thuis",
    "002:1638: Delft commissioned 30 families in 2023, The Hague 40-50; 002:1896: Moeders "
    "informeren Moeders supported 104 and 119 mothers in two towns in 2022":
        "002:1638: Delft kocht in 2023 30 gezinnen in, Den Haag 40-50; 002:1896: Moeders "
        "informeren Moeders ondersteunde in 2022 104 en 119 moeders in twee gemeenten",
    "002:1593: some months up to a year": "002:1593: enkele maanden tot maximaal een jaar",
    "002:1593: about 2.5 hours a week (Home-Start); 002:1933: at least once a month (Moeders "
    "informeren Moeders)":
        "002:1593: zo'n 2,5 uur per week (Home-Start); 002:1933: minstens eens per maand "
        "(Moeders informeren Moeders)",
    "002:1591: children of 0-6, from the start of pregnancy":
        "002:1591: kinderen van 0 tot en met 6 jaar, vanaf het begin van de zwangerschap",
    "002:1591, 002:1939: mothers may start during pregnancy":
        "002:1591, 002:1939: moeders kunnen al tijdens de zwangerschap beginnen",
    "002:1939: Moeders informeren Moeders is for mothers of a first child":
        "002:1939: Moeders informeren Moeders is voor moeders met een eerste kind",
    "002:607: Duo-coaching is for families reluctant to approach services":
        "002:607: Duo-coaching is voor gezinnen die terughoudend zijn om zelf hulp te zoeken",
    "002:1894: Moeders informeren Moeders is for mothers with little support from their "
    "network":
        "002:1894: Moeders informeren Moeders is voor moeders met weinig steun uit hun netwerk",
    "assumption; 002:1919: she gets to know other mothers; 002:1651: contacts with others; "
    "002:859: an Eigen Toekomst Plan gathers 3 to 10 people":
        "aanname; 002:1919: ze leert andere moeders kennen; 002:1651: contacten met anderen; "
        "002:859: een Eigen Toekomst Plan brengt 3 tot 10 mensen bij elkaar",
    "002:611: in Duo-coaching a family coach takes part in the conversations":
        "002:611: bij Duo-coaching gaat een gezinscoach mee in gesprek",
    "assumption; 002:1591: referred by youth health nurses and others, or self":
        "aanname; 002:1591: aangemeld door jeugdverpleegkundigen en anderen, of door de "
        "ouders zelf",
    "assumption; 002:1680: a relationship needs months of weekly visits":
        "aanname; 002:1680: een relatie vraagt maandenlang wekelijkse bezoeken",
    "assumption; 002:601: distrust of services is taken away; 002:1651: she is helped to use "
    "services in the neighbourhood":
        "aanname; 002:601: wantrouwen richting hulpverlening wordt weggenomen; 002:1651: ze "
        "wordt geholpen voorzieningen in de wijk te gebruiken",
    "assumption; 002:1601, 002:1671, 002:1894: volunteers strengthen parents' confidence":
        "aanname; 002:1601, 002:1671, 002:1894: vrijwilligers versterken het zelfvertrouwen "
        "van ouders",
    "assumption; 002:1610: parents have less parenting stress":
        "aanname; 002:1610: ouders hebben minder opvoedstress",
    "assumption; 002:1651, 002:1966: the volunteer is a temporary extension of her network":
        "aanname; 002:1651, 002:1966: de vrijwilliger is een tijdelijke uitbreiding van haar "
        "netwerk",
    "assumption; 002:1593: now and then referred on to further help; 002:639: problems are "
    "raised once there is trust":
        "aanname; 002:1593: een enkele keer doorverwezen naar vervolghulp; 002:639: problemen "
        "komen ter sprake als er vertrouwen is",
    "assumption; 002:852: the network is often extended for the longer term; 002:1667: other "
    "parents, friends or family support her once it stops":
        "aanname; 002:852: het netwerk wordt vaak voor langere termijn vergroot; 002:1667: "
        "andere ouders, vrienden of familie steunen haar als het stopt",
    "assumption; 002:1628, 002:1634: the coordinator's intake at home, choice of volunteer "
    "and introduction":
        "aanname; 002:1628, 002:1634: kennismakingsgesprek van de coördinator thuis, keuze "
        "van de vrijwilliger en koppeling",
    "assumption; 002:1626, 002:1634: supervision, intervision and evaluations":
        "aanname; 002:1626, 002:1634: begeleiding, intervisie en evaluatiegesprekken",
    "assumption; 002:1623: the coordinator is a paid hbo/wo professional":
        "aanname; 002:1623: de coördinator is een betaalde hbo/wo-professional",
    "assumption; 002:1618: recruitment, training, a certificate of conduct, intervision":
        "aanname; 002:1618: werving, training, een Verklaring Omtrent Gedrag, intervisie",
    "Het Begint Bij Mij: a staff member joins the first and the last session (000:52); "
    "Brussels: information on local services at the end (003:57)":
        "Het Begint Bij Mij: een medewerker sluit aan bij de eerste en de laatste bijeenkomst "
        "(000:52); Brussel: informatie over de lokale diensten aan het einde (003:57)",
    "assumption; the link is meant to lower the threshold to the services' offer (000:52)":
        "aanname; de koppeling moet de drempel naar het aanbod van de dienst verlagen (000:52)",
    "assumption: a known face at the services stays known":
        "aanname: een bekend gezicht bij de dienst blijft bekend",
    "assumption: an hour of a staff member's time shared by a group of 8-10":
        "aanname: een uur van een medewerker, gedeeld door een groep van 8 tot 10",
    "assumption: less than in a training (peer_groups), meetings being unguided talk":
        "aanname: minder dan in een training (peer_groups), omdat de bijeenkomsten "
        "gesprekken zonder begeleiding zijn",
    "Het Begint Bij Mij: a toolkit 6 times a year for the support group (002:1391)":
        "Het Begint Bij Mij: 6 keer per jaar een toolkit voor de supportgroep (002:1391)",
    "Het Begint Bij Mij: a support group needs extra support (000:48)":
        "Het Begint Bij Mij: een supportgroep vraagt om extra ondersteuning (000:48)",
    "assumption; keeping support groups active is hard (002:1382, 002:1509, 000:48)":
        "aanname; supportgroepen actief houden is lastig (002:1382, 002:1509, 000:48)",
    "assumption; setting up a support group needs extra support (000:48)":
        "aanname; een supportgroep opzetten vraagt om extra ondersteuning (000:48)",
    "assumption; the support group is for supporting each other (002:1400)":
        "aanname; in de supportgroep steunen de deelnemers elkaar (002:1400)",
    # schuldhulpverlening
    "assumption; 004:552: waiting lists for debt help are long":
        "aanname; 004:552: de wachtlijsten voor schuldhulpverlening zijn lang",
    "assumption: an amicable debt arrangement or the Wsnp runs up to three years (18 months "
    "under the newer practice)":
        "aanname: een minnelijke schuldregeling of de Wsnp duurt tot drie jaar (18 maanden in "
        "de nieuwere praktijk)",
    "assumption; 004:534: some mothers already pay their debts under their own arrangements":
        "aanname; 004:534: sommige moeders lossen hun schulden al af via eigen regelingen",
    "assumption; 004:532: debts give much stress": "aanname; 004:532: schulden geven veel "
                                                   "stress",
    "assumption; Koning (2014), ESB 22 January 2014: debt assistance has threat effects and "
    "raises outflow from assistance, mostly not to work; the size is what the model does not "
    "know, and the default was chosen with the evidence check in view":
        "aanname; Koning (2014), ESB 22 januari 2014: van schuldhulpverlening gaan "
        "dreigeffecten uit; ze leidt tot meer uitstroom uit de bijstand, meestal niet naar werk; "
        "hoe groot het effect is, weet het model niet, en de standaardwaarde is gekozen met het "
        "oog op de toets",
    "Wsnp art. 3:105 (the debtor's duty to make an effort to acquire income, which "
    "amicable arrangements follow): a trajectory obliges her to seek and accept paid "
    "work; its size is an assumption, chosen with the evidence check "
    "debt_assistance_not_to_work in view":
        "Wsnp art. 3:105 (de inspanningsverplichting van de schuldenaar om inkomen te "
        "verwerven, die minnelijke regelingen volgen): een traject verplicht haar betaald werk "
        "te zoeken en te aanvaarden; de grootte is een aanname, gekozen met het oog op de toets "
        "debt_assistance_not_to_work",
    "assumption: a trajectory of a few thousand euros over its duration":
        "aanname: een traject kost enkele duizenden euro's over de hele duur",
    # financiële coaching
    "assumption; 004:1320: tailored help with an overview of income and allowances":
        "aanname; 004:1320: begeleiding op maat bij het overzicht van inkomen en toeslagen",
    "assumption; 004:538: half did not know that the top-up continues, and learning it "
    "changed a mother's mind":
        "aanname; 004:538: de helft wist niet dat de aanvullende uitkering doorloopt, en toen "
        "een moeder het hoorde veranderde dat haar besluit",
    "assumption; 004:526: 'you know what you have, not what you will get'; 004:1037: many "
    "cannot see their finances after taking work":
        "aanname; 004:526: 'je weet wat je hebt, maar niet wat je krijgt'; 004:1037: velen "
        "krijgen zelf geen reëel beeld van hun financiën na het aanvaarden van werk",
    "004:1316: the municipality topped up childcare costs where needed":
        "004:1316: de gemeente gaf waar nodig een aanvulling in de kosten van kinderopvang",
    "assumption: about an hour of a budget coach with preparation":
        "aanname: ongeveer een uur van een budgetcoach, met voorbereiding",
    # ---- werkervaringsplaatsen ---------------------------------------------------------------
    "assumption; 004:1261: places with employers must be sufficient":
        "aanname; 004:1261: er moeten voldoende plaatsen bij werkgevers zijn",
    "assumption; 004:981: the placement agreement fixes its duration":
        "aanname; 004:981: de werkervaringsplaatsovereenkomst legt de duur vast",
    "004:957: an employer accepts 18 hours for the first three months instead of 24":
        "004:957: een werkgever accepteert de eerste drie maanden 18 uur in plaats van 24",
    "assumption; 004:1336: a step for those for whom regular work is too big a step":
        "aanname; 004:1336: een tussenstap voor wie regulier werk een te grote stap is",
    "assumption; 004:969: with a placement agreement the municipality can get childcare "
    "arranged fast":
        "aanname; 004:969: met een werkervaringsplaatsovereenkomst kan de gemeente snel "
        "kinderopvang regelen",
    "assumption; 004:1106, 004:1336: a place that goes well often leads on to regular work; "
    "the default was chosen with the evidence check in view (at 0.3 participants gained 16 "
    "points of employment after two years, above the 15 that programmes of the kind reach "
    "(Card, Kluve & Weber 2018); at 0.1, 14; most of the effect comes from the childcare the "
    "placement arranges)":
        "aanname; 004:1106, 004:1336: als een werkervaringsplaats goed bevalt, is doorstroom "
        "naar regulier werk vaak mogelijk; de standaardwaarde is gekozen met het oog op de "
        "toets (bij 0,3 werkten deelnemers na twee jaar 16 procentpunt vaker, meer dan de 15 "
        "die programma's van deze soort halen (Card, Kluve & Weber 2018); bij 0,1 14; het "
        "effect komt vooral van de kinderopvang die de plaatsing regelt)",
    "assumption; participants of labour-market programmes often find work less often while "
    "they take part (lock-in; Card, Kluve & Weber 2018)":
        "aanname; deelnemers aan re-integratieprogramma's vinden tijdens deelname vaak minder "
        "vaak werk (lock-in-effect; Card, Kluve & Weber 2018)",
    "004:1106: the coach can keep the case file on hold for some months after a job start":
        "004:1106: de werkcoach kan het dossier na de start van een baan enkele maanden on "
        "hold zetten",
    "assumption; 004:1106: a file on hold can make participants dare the step to work":
        "aanname; 004:1106: een dossier on hold kan deelnemers de stap naar werk "
        "gemakkelijker laten zetten",
    "assumption; 004:963: the host tolerates a bad day, a paid job would not":
        "aanname; 004:963: op de werkervaringsplaats mag het een keer misgaan, bij een "
        "betaalde baan niet",
    "assumption: the employer's guidance and the municipality's support":
        "aanname: de begeleiding door de werkgever en de ondersteuning door de gemeente",
    "assumption: about the maximum hourly rate of the childcare allowance (2025); the "
    "municipality pays it for a mother on a placement":
        "aanname: ongeveer de maximale uurprijs van de kinderopvangtoeslag (2025); de "
        "gemeente betaalt die voor een moeder op een werkervaringsplaats",
    # ---- vroegsignalering in de zwangerschap ---------------------------------------------------
    "assumption; 004:258: 80-100 participants a year expected in Rotterdam Zuid":
        "aanname; 004:258: naar verwachting 80-100 deelnemers per jaar in Rotterdam Zuid",
    "assumption; 004:282, 004:382: a pregnancy is not always known to the municipality in "
    "time; the Zorgpad Werk proved harder to build than expected (004:382, 004:1023)":
        "aanname; 004:282, 004:382: een zwangerschap is niet altijd (tijdig) bekend bij de "
        "gemeente; het Zorgpad Werk bleek lastiger te ontwikkelen dan verwacht (004:382, "
        "004:1023)",
    "assumption; 004:282, 004:382: a pregnancy is not always known to the municipality in "
    "time":
        "aanname; 004:282, 004:382: een zwangerschap is niet altijd (tijdig) bekend bij de "
        "gemeente",
    "assumption; 004:655: without trust mothers do not tell what holds them back":
        "aanname; 004:655: zonder vertrouwen vertellen moeders niet wat hen tegenhoudt",
    "assumption; 004:1058: talk from pregnancy with mothers who do not want to use childcare "
    "about their fears":
        "aanname; 004:1058: al vanaf de zwangerschap praten met moeders die hun kind niet naar "
        "de opvang willen brengen over hun angsten",
    "assumption; 004:366: the conversation about the wish to work and the financial risks":
        "aanname; 004:366: het gesprek over de arbeidswens en de financiële risico's",
    "assumption; 004:1058: work on childcare from the pregnancy":
        "aanname; 004:1058: al vanaf de zwangerschap werken aan kinderopvang",
    "assumption; 004:184: an exemption on request is agreed with the coach in a plan; whether "
    "an early conversation makes her ask less or more is not known":
        "aanname; 004:184: een ontheffing op verzoek wordt met de klantmanager vastgelegd in "
        "een plan van aanpak; of een vroeg gesprek haar vaker of minder vaak doet aanvragen, "
        "is niet bekend",
    "assumption: a coach's or project worker's time":
        "aanname: de tijd van een klantmanager of projectmedewerker",
    "assumption: triage at the Aanmeldpunt for birth care (004:382)":
        "aanname: triage door het Aanmeldpunt voor de geboortezorg (004:382)",
    # projectmedewerkers en startbijeenkomsten
    "004:278: Rotterdam's dedicated coaches kept their regular clients (not exclusive)":
        "004:278: de Rotterdamse dedicated werkcoaches hielden hun reguliere klanten (geen "
        "eigen caseload)",
    "004:294, 004:1043: three project workers": "004:294, 004:1043: drie projectmedewerkers",
    "assumption: a full-time post, as a coach's":
        "aanname: een voltijdbaan, zoals die van een klantmanager",
    "assumption; 004:294: they also organise sessions and keep up the network on other "
    "domains of life": "aanname; 004:294: ze organiseren ook bijeenkomsten en onderhouden het "
                       "netwerk op andere leefgebieden",
    "assumption; 004:448: 223 women selected for the project, three workers":
        "aanname; 004:448: 223 vrouwen geselecteerd voor het project, drie medewerkers",
    "004:748: a three-way talk at the start meeting, an intake within two weeks":
        "004:748: een driegesprek op de startbijeenkomst, een intake binnen twee weken",
    "004:446: the women informed had a child under two":
        "004:446: de geïnformeerde vrouwen hadden een kind jonger dan twee jaar",
    "assumption; 004:730: participants felt a warmth they were not used to at the "
    "municipality": "aanname; 004:730: deelnemers voelden een warmte die ze bij de gemeente "
                    "niet gewend waren",
    "assumption; 004:947, 004:1045: one jobcoach at the employers' desk specialised in "
    "mothers": "aanname; 004:947, 004:1045: één jobcoach bij het Werkgeversservicepunt, "
               "gespecialiseerd in moeders",
    "assumption; 004:1045: project workers and the jobcoach search for suitable jobs":
        "aanname; 004:1045: projectmedewerkers en de jobcoach zoeken gericht naar geschikte "
        "banen",
    "004:947: aftercare by the project workers; its length is an assumption":
        "004:947: nazorg door de projectmedewerkers; de duur is een aanname",
    "assumption: employer cost of a full-time post, as a coach's":
        "aanname: werkgeverslasten van een voltijdbaan, zoals die van een klantmanager",
    "004:716: 15 start meetings from September 2023 (over about a year: assumption)":
        "004:716: 15 startbijeenkomsten vanaf september 2023 (over ongeveer een jaar: "
        "aanname)",
    "004:448, 004:716: 177 invited to 15 meetings":
        "004:448, 004:716: 177 uitgenodigd voor 15 bijeenkomsten",
    "004:448: women selected from the coaches' clients in three teams":
        "004:448: vrouwen geselecteerd uit de klanten van de werkcoaches in drie teams",
    "004:716: the team arranged childcare on site":
        "004:716: het projectteam regelde kinderoppas op locatie",
    "004:720: an expert by experience at 3 of 15 meetings, a recording at 3":
        "004:720: een ervaringsdeskundige bij 3 van de 15 bijeenkomsten, een opname bij 3",
    "assumption; 004:716: about 10 came of about 12 invited per meeting":
        "aanname; 004:716: ongeveer 10 kwamen van de ongeveer 12 uitgenodigden per "
        "bijeenkomst",
    "assumption; 004:724: a large meeting with strangers was daunting":
        "aanname; 004:724: een grote bijeenkomst met onbekenden was spannend",
    "assumption; 004:448: the invitation was mandatory, which an exemption lifts":
        "aanname; 004:448: de uitnodiging was verplicht, een ontheffing heft dat op",
    "assumption; 004:716: many women could not arrange a minder themselves":
        "aanname; 004:716: veel vrouwen lukte het niet zelf oppas te regelen",
    "assumption; 004:738: seeing that it can be done motivated them":
        "aanname; 004:738: zien dat het kan motiveerde hen",
    "assumption; 004:730: a warm feeling, not usual at the municipality":
        "aanname; 004:730: een warm gevoel, niet gewoon bij de gemeente",
    "assumption; 004:720: with the expert's story women asked questions sooner":
        "aanname; 004:720: door het verhaal van de ervaringsdeskundige stelden vrouwen "
        "sneller vragen",
    "assumption; 004:724: mothers liked that their child was minded next door":
        "aanname; 004:724: moeders vonden het prettig dat hun kind in de ruimte ernaast werd "
        "opgevangen",
    "004:748: an extended intake within two weeks":
        "004:748: een uitgebreide intake binnen twee weken",
    "assumption: staff hours, venue, the expert's fee, travel cards (004:716)":
        "aanname: uren van medewerkers, ruimte, vergoeding van de ervaringsdeskundige, "
        "ov-kaarten (004:716)",
}


def dutch(key: str, declaration: Parameter) -> tuple[str, str, str]:
    """Dutch description, unit and source of a declared parameter ("" where missing).

    Args:
        key: The parameter's name, or ``policy.parameter`` for a policy's own.
        declaration: Its declaration (its own ``doc_nl``/``unit_nl``/``source_nl`` win).
    """
    doc, unit = DUTCH.get(key, ("", ""))
    return (declaration.doc_nl or doc, declaration.unit_nl or unit,
            declaration.source_nl or SOURCES.get(declaration.source, ""))
