#!/usr/bin/env python3
"""Build geo/regions.geojson: APPROXIMATE historical regions of Kazakhstan and Central Asia, 1917-1936.

usage: .venv/bin/python scripts/geo_regions.py [PATH/TO/world_map.gpkg]

Every shape is a union of MODERN admin-1 units (Natural Earth 10m states_provinces, as bundled in
Debian's qgis-common package, pinned below). No historical boundary is traced or invented here:
each feature says which modern units stand in for it, what is known to differ, an estimated error
and where its dates come from. Curation-time setup (not needed at app run time):

    cd /work/scratch && apt-get download qgis-common=3.22.16+dfsg-1 \
        && dpkg-deb -x qgis-common_3.22.16+dfsg-1_all.deb qgis

Output is deterministic: same input -> byte-identical file.
"""
import csv
import gzip
import json
import os
import re
import sys

import pyogrio
import shapely
from shapely import make_valid
from shapely.geometry import MultiPolygon, Polygon, mapping

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(HERE, "..", "geo")
OUT = os.path.join(GEO, "regions.geojson")
PLACES_CSV = os.path.join(GEO, "places_source.csv")
DEFAULT_INPUT = "/work/scratch/qgis/usr/share/qgis/resources/data/world_map.gpkg"
QGIS_COMMON_VERSION = "3.22.16+dfsg-1"  # Debian package; its changelog is checked against this
SOURCE = "Natural Earth 10m states_provinces v4.1.0 via qgis-common 3.22.16 (world_map.gpkg, generalised by QGIS)"
SIMPLIFY_DEG = 0.02  # ~2 km, applied to the shared unit coverage so neighbouring regions keep common edges
MIN_HOLE_DEG2 = 1e-4  # ~1 km2: holes smaller than this are slivers between units, not real enclaves
DECIMALS = 3  # ~100 m; far finer than any estimated error below
CARR = "Carr 1959"  # E. H. Carr, Socialism in One Country 1924-1926, vol. 2 (1959): atlas seed carr1959, printed pages
GENERAL = "general reference; not from the atlas's seeds"

# Modern admin-1 unit groups, as (ISO country code, Natural Earth `name`). "Tashkent City" is the
# second UZ unit named Tashkent (gn_name "Toshkent Shahri"). Natural Earth keeps the Baikonur lease
# (inside Qyzylorda oblast) apart under code KAB; it always goes with Qyzylorda here.
QYZYLORDA = [("KZ", "Qyzylorda"), ("KAB", "Baykonur lease in Qyzylorda")]
KZ_NORTH = [("KZ", n) for n in ("West Kazakhstan", "Atyrau", "Mangghystau", "Aqtöbe", "Qostanay",
                                 "North Kazakhstan", "Aqmola", "Astana", "Pavlodar", "East Kazakhstan",
                                 "Qaraghandy")]
KZ_SOUTH = [("KZ", n) for n in ("South Kazakhstan", "Zhambyl", "Almaty", "Almaty City")] + QYZYLORDA
KZ_ALL = KZ_NORTH + KZ_SOUTH
KG_ALL = [("KG", n) for n in ("Chuy", "Bishkek", "Talas", "Ysyk-Köl", "Naryn", "Osh", "Jalal-Abad", "Batken")]
TJ_SOUTH = [("TJ", n) for n in ("Tadzhikistan Territories", "Dushanbe", "Khatlon", "Gorno-Badakhshan")]
TJ_ALL = TJ_SOUTH + [("TJ", "Leninabad")]
TM_ALL = [("TM", n) for n in ("Balkan", "Ahal", "Mary", "Chardzhou", "Tashauz")]
UZ_MAIN = [("UZ", n) for n in ("Tashkent", "Tashkent City", "Sirdaryo", "Jizzakh", "Samarkand", "Ferghana",
                                "Andijon", "Namangan", "Bukhoro", "Navoi", "Kashkadarya", "Surkhandarya",
                                "Khorezm")]
UZ_ALL = UZ_MAIN + [("UZ", "Karakalpakstan")]
TURKESTAN = ([("UZ", n) for n in ("Tashkent", "Tashkent City", "Sirdaryo", "Jizzakh", "Samarkand", "Ferghana",
                                   "Andijon", "Namangan")]
             + KZ_SOUTH + KG_ALL + [("TJ", "Leninabad")] + [("TM", n) for n in ("Balkan", "Ahal", "Mary")])
BUKHARA = ([("UZ", n) for n in ("Bukhoro", "Navoi", "Kashkadarya", "Surkhandarya")]
           + [("TJ", n) for n in ("Tadzhikistan Territories", "Dushanbe", "Khatlon")] + [("TM", "Chardzhou")])
KHIVA = [("UZ", "Khorezm"), ("TM", "Tashauz")]
UZ_SOUTH = [("UZ", "Kashkadarya"), ("UZ", "Surkhandarya")]

# Recurring statements, written once.
D_TURKESTAN = (f"valid_from 1918-04-30: proclamation of the Turkestan republic by the fifth congress of Soviets of "
               f"Turkestan ({GENERAL}). {CARR}, pp. 265-266, describes its 1921 organisation as the Turkestan "
               f"autonomous SSR and says two provinces 'inhabited mainly by Kazakhs' were 'provisionally included' in it. "
               f"valid_to 1924-10-27: abolished by the national delimitation ({CARR}, p. 268: Turkestan TsIK resolution of "
               f"17 September 1924, 'The republic itself was to disappear'; p. 269: endorsed by the RSFSR TsIK in October "
               f"1924 and by the union TsIK later that month); the day 27 October is {GENERAL}.")
DELIMITATION_DAY = "1924-10-27"  # one day for every unit the 1924 national delimitation ended or began (see D_DELIM)
D_DELIM = (f"{CARR}, p. 268: Turkestan TsIK resolution of 17 September 1924 assigning the Kazakh provinces to the "
           f"'Kazakh (here still called Kirgiz) autonomous SSR'; p. 269: endorsed by the RSFSR TsIK in October 1924 and "
           f"'Later in the same month' approved by the union TsIK; p. 270: the reunion was celebrated at the fifth Kazakh "
           f"congress of Soviets in spring 1925 at Kzyl-Orda. One delimitation day is used for every unit the "
           f"delimitation ended or began, so that old and new units never overlap: {DELIMITATION_DAY}, the union TsIK "
           f"approval ({GENERAL}; the RSFSR TsIK decisions of 14 October 1924, also general reference, are the legal "
           f"start of some units and are not used).")
D_OKRUG = (f"1928-01-17 (guberniyas replaced by okrugs) and 1930-12-17 (all okrugs of the Kazakh ASSR abolished): "
           f"{GENERAL} (reference works citing F. N. Bazanova, Spravochnik po administrativno-territorial'nomu "
           f"deleniyu Kazakhstana, avgust 1920 - dekabr' 1936, Alma-Ata 1959).")
D_AREA = ("Not a dated administrative unit: a geographic stand-in; valid_from/valid_to only bound the atlas "
          "period (1917-1936; valid_to 1937 because validity is read as [valid_from, valid_to)).")
D_KAZ_CAPITALS = (f"Orenburg until April 1925, then Kzyl-Orda ({CARR}, p. 270: the fifth Kazakh congress of Soviets "
                  f"'in the spring of 1925' 'was held at Kzyl-Orda, the Kazakh capital'; the month April 1925 is "
                  f"{GENERAL}; p. 271: Kzyl-Orda 'was later replaced by Alma-Ata'). The move to Alma-Ata is dated 1927 "
                  f"(decision) or 1929 (actual transfer) in reference works ({GENERAL}); 1929~ is used here.")
D_UZ_CAPITALS = (f"{CARR}, p. 271: Samarkand was at first made the capital, then 'the capital returned to Tashkent'; "
                 f"the years 1925 and 1930 are {GENERAL}. The seat between October 1924 and February 1925 is not "
                 f"established here.")
KAZAK_RENAMING = "1925-06"
S_KAZAK_RENAMING = (f"{CARR}, p. 270: 'By decrees of the RSFSR of May and June 1925 ... what had hitherto been "
                    f"officially known as the Kirgiz autonomous SSR became the Kazakh autonomous SSR'; the official "
                    f"Russian form was Kazak (Kazakskaya) ASSR. The month June 1925 (VTsIK decree of 15 June 1925; the "
                    f"May decree renamed the Kara-Kirgiz AO) is {GENERAL}.")
E_KYZYLKUM_MISSING = ("up to 250-350 km in the Kyzylkum: Tamdy district of the Kara-Kalpak AO/ASSR (now in Navoi "
                      "viloyat, Uzbekistan) is missing, and its extent is not established; elsewhere about 100 km")
E_KYZYLKUM_EXTRA = ("up to 250-350 km in the Kyzylkum: the Kyzylkum lands of modern Navoi viloyat (Tamdy) are wrongly "
                    "included, and where their line ran is not established; elsewhere about 100 km")
E_KYZYLKUM_TURKESTAN = ("up to 250-350 km in the Kyzylkum: the Kyzylkum lands of modern Navoi viloyat are drawn "
                        "with Bukhara, and where the Turkestan-Bukhara line ran there is not established; elsewhere "
                        "about 200 km")
K_KAZ_BORDERS = ("Bostandyk district and parts of the Hungry Steppe (Mirzachul) belonged to the Kazakh republic until "
                 "transfers to the Uzbek SSR in 1956 and 1963 and are missing; the north shore of Kara-Bogaz-Gol (now "
                 "Turkmenistan) was Kazakh according to reference works and is missing; border segments with the RSFSR "
                 "(Orenburg, Omsk, Altai sides) were adjusted later, by up to ~100 km")
K_UZ_BORDERS = ("modern Uzbek lines differ from the 1924-1936 ones: Bostandyk district and parts of the Hungry Steppe "
                "were Kazakh until 1956/1963 (wrongly included here); the Uzbek-Turkmen line in Khorezm and along the "
                "Amu Darya was redrawn several times; Fergana-valley lines with the Kirgiz republic changed")
K_KG_BORDERS = ("Fergana-valley lines with the Uzbek and Tajik republics (enclaves, e.g. Sokh and Shakhimardan) were "
                "redrawn in the 1920s-1930s and are not reconstructed")

REGIONS = [
    dict(region_id="steppe-oblasts", unit_id="kazakhstan", name="Steppe oblasts (Ural, Turgai, Akmolinsk, Semipalatinsk)",
         name_alt="Kazakh steppe of the former Russian Empire; Kirgiz Krai under the Kirgiz Revolutionary Committee "
                  "from 1919; the territory that formed the Kirgiz ASSR in 1920",
         kind="oblast", valid_from="1917", valid_to="1920-08-26", capital="", capitals="",
         capital_note="no single capital (four oblast centres: Uralsk, Turgai/Orenburg, Omsk, Semipalatinsk)",
         part_of="", units=KZ_NORTH, schematic=False, est_error_km=250,
         differs="the Bukey (Inner) Horde west of the Ural river and Mangyshlak lie inside the modern units used; "
                 "Omsk uezd (Akmolinsk oblast, now Russia) is missing; the southern limits against the Syr-Darya and "
                 "Semirechye oblasts did not follow the modern Karaganda/Kyzylorda/Almaty oblast lines (up to ~200 km "
                 "off). In 1917-1920 the area was fought over in the civil war (Alash autonomy, Whites, Reds): the "
                 "shape says nothing about who controlled it",
         date_basis=f"1917 only marks the start of the atlas period (the oblasts date from the 19th century); "
                    f"valid_to 1920-08-26, founding of the Kirgiz ASSR: {GENERAL}."),
    dict(region_id="kirgiz-asrr", name="Kirgiz ASSR",
         name_alt="Kirghiz ASSR; Kirgiz (Kazakh) ASSR, the Kazakh republic within the RSFSR before the 1924-25 "
                  "delimitation (not today's Kyrgyzstan)",
         kind="assr", valid_from="1920-08-26", valid_to=DELIMITATION_DAY, capital="orenburg", unit_id="kazakhstan",
         capitals="", capital_note="Orenburg throughout (general reference); the city lies in the separate "
                                   "feature orenburg-guberniya, part of this republic from 1920-09-22",
         part_of="", units=KZ_NORTH, schematic=False, est_error_km=200,
         differs="the Orenburg guberniya, added by decree of 1920-09-22, is NOT drawn here but as the separate "
                 "feature orenburg-guberniya (part_of this one), so the republic is date-true before and after that "
                 "decree; Syr-Darya and Semirechye (then in the Turkestan ASSR) are "
                 "excluded, but the line against them did not follow the modern oblast lines (up to ~200 km off); "
                 "Adai/Mangyshlak and the Bukey Horde are inside the modern units, the north shore of Kara-Bogaz-Gol "
                 "(now Turkmenistan) is missing; smaller transfers of volosts in 1920-1924 are not represented",
         date_basis=f"valid_from 1920-08-26: VTsIK/Sovnarkom decree founding the Kirgiz ASSR ({GENERAL}). valid_to: "
                    f"territory enlarged by the national delimitation. {D_DELIM} The transfers took effect in stages "
                    f"until mid-1925; the official renaming to Kazak(h) ASSR came by RSFSR decrees of May and June "
                    f"1925 ({CARR}, p. 270)."),
    dict(region_id="orenburg-guberniya", name="Orenburg guberniya (in the Kirgiz/Kazakh ASSR)",
         name_alt="Orenburg province; capital of the Kirgiz ASSR", kind="guberniya",
         valid_from="1920-09-22", valid_to="1925-06~", capital="orenburg", capitals="", capital_note="",
         unit_id="orenburg",
         part_of="kirgiz-asrr;kazakh-assr-1924", units=[("RU", "Orenburg")], schematic=True, est_error_km=150,
         differs="modern Orenburg oblast includes the Buzuluk area (then Samara guberniya) and its eastern and "
                 "southern limits differ from the 1920-1925 guberniya; the guberniya's own boundaries are not "
                 "reconstructed",
         date_basis=f"valid_from 1920-09-22: supplementary VTsIK decree adding Orenburg city and guberniya to the "
                    f"Kirgiz ASSR ({GENERAL}). valid_to 1925-06~ (about June 1925): {CARR}, p. 270: 'About the "
                    f"same time' as the RSFSR decrees of May and June 1925, 'the predominantly Russian-speaking "
                    f"province of Orenburg' was 'transferred to the RSFSR' (he cites Sobranie Uzakonenii 1925, No. 49, "
                    f"art. 377); exact day not established here."),
    dict(region_id="kazakh-assr-1924", name="Kirgiz ASSR (Kazak ASSR from June 1925)",
         name_alt="Kirgiz ASSR (official name until the renaming of 1925); Kazak ASSR (official spelling 1925-1936); "
                  "Kazakh ASSR; Kazakhstan; within the RSFSR; here with the Kara-Kalpak AO (1925-1930)",
         names=[dict(name="Kirgiz ASSR", start=DELIMITATION_DAY, end=KAZAK_RENAMING, source=S_KAZAK_RENAMING),
                dict(name="Kazak ASSR", start=KAZAK_RENAMING, end="1930-07-20", source=S_KAZAK_RENAMING)],
         kind="assr", valid_from=DELIMITATION_DAY, valid_to="1930-07-20", capital="orenburg", unit_id="kazakhstan",
         capitals=f"orenburg@{DELIMITATION_DAY}/1925-04;kzyl-orda@1925-04/1929~;alma-ata@1929~/..",
         capital_note=D_KAZ_CAPITALS, part_of="", units=KZ_ALL + [("UZ", "Karakalpakstan")], schematic=False,
         est_error_km=300, est_error_note=E_KYZYLKUM_MISSING,
         differs="modern Karakalpakstan stands for the Kara-Kalpak AO (created 1925-02-19; see karakalpak-ao); "
                 "Orenburg, part of the ASSR until 1925, is the separate feature orenburg-guberniya; "
                 + K_KAZ_BORDERS + "; Tamdy district of the Kara-Kalpak AO (Kyzylkum; now Navoi viloyat) is missing",
         date_basis=f"valid_from: {D_DELIM} valid_to 1930-07-20: the Kara-Kalpak AO was transferred from the "
                    f"Kazakh ASSR to direct RSFSR subordination ({GENERAL})."),
    dict(region_id="kazakh-assr-1930", unit_id="kazakhstan", name="Kazak (Kazakh) ASSR",
         name_alt="Kazak ASSR (official spelling until 1936); Kazakh ASSR; Kazakhstan; within the RSFSR; became "
                  "the Kazakh SSR on 1936-12-05",
         kind="assr", valid_from="1930-07-20", valid_to="1936-12-05", capital="alma-ata",
         capitals="alma-ata@1929~/..", capital_note=D_KAZ_CAPITALS, part_of="", units=KZ_ALL, schematic=False,
         est_error_km=100, differs=K_KAZ_BORDERS,
         date_basis=f"valid_from 1930-07-20 (Kara-Kalpak AO leaves the ASSR) and valid_to 1936-12-05 (new USSR "
                    f"constitution: Kazakh SSR): {GENERAL}."),
    dict(region_id="kazakh-ssr", unit_id="kazakhstan", name="Kazakh SSR",
         name_alt="Kazakhstan; union republic of the USSR", kind="ssr", valid_from="1936-12-05", valid_to="1991",
         capital="alma-ata", capitals="", capital_note="", part_of="", units=KZ_ALL, schematic=False,
         est_error_km=100, differs=K_KAZ_BORDERS,
         date_basis=f"1936-12-05, new USSR constitution: {GENERAL}. valid_to 1991 only closes the Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="karakalpak-ao", unit_id="karakalpakstan", name="Kara-Kalpak AO",
         name_alt="Karakalpak Autonomous Oblast; within the Kazakh ASSR until 1930-07-20, then directly under "
                  "the RSFSR", kind="ao", valid_from="1925-02-19", valid_to="1932-03-20", capital="turtkul",
         capitals="", capital_note="Turtkul (formerly Petro-Aleksandrovsk): general reference",
         part_of="kazakh-assr-1924", units=[("UZ", "Karakalpakstan")], schematic=False, est_error_km=300,
         est_error_note=E_KYZYLKUM_MISSING,
         differs="Tamdy district (Kyzylkum; now Navoi viloyat) belonged to the AO according to reference works and is "
                 "missing; the southern line against Khorezm and the Turkmen SSR was adjusted later",
         date_basis=f"{CARR}, p. 270: after the fifth Kazakh congress of Soviets (spring 1925) an RSFSR decree "
                    f"established 'part of the ceded territory as the Kara-Kalpak autonomous region of the Kazakh "
                    f"autonomous SSR'; p. 300 n. lists it as included in the Kazakh ASSR. Days 1925-02-19 (creation), "
                    f"1930-07-20 (to the RSFSR) and 1932-03-20 (raised to an ASSR): {GENERAL}."),
    dict(region_id="karakalpak-assr", unit_id="karakalpakstan", name="Kara-Kalpak ASSR",
         name_alt="Karakalpak ASSR; within the RSFSR until 1936-12-05, then within the Uzbek SSR", kind="assr",
         valid_from="1932-03-20", valid_to="1991", capital="turtkul", capitals="turtkul@1932-03-20/1939;nukus@1939/..",
         capital_note=f"capital moved from Turtkul to Nukus in 1939: {GENERAL}", part_of="uzbek-ssr-1936",
         units=[("UZ", "Karakalpakstan")], schematic=False, est_error_km=300, est_error_note=E_KYZYLKUM_MISSING,
         differs="as karakalpak-ao: Tamdy district (now Navoi viloyat) missing; later border adjustments ignored",
         date_basis=f"1932-03-20 (raised to an ASSR) and 1936-12-05 (transferred to the Uzbek SSR): {GENERAL}."),
    dict(region_id="turkestan-krai", unit_id="turkestan", name="Turkestan Krai",
         name_alt="Turkestan governor-generalship; Russian Turkestan; from November 1917 under the Tashkent Soviet, "
                  "claimed by the Kokand (Turkestan) autonomy in winter 1917-18",
         kind="krai", valid_from="1917", valid_to="1918-04-30", capital="tashkent", capitals="", capital_note="",
         part_of="", units=TURKESTAN, schematic=False, est_error_km=300, est_error_note=E_KYZYLKUM_TURKESTAN,
         differs="same stand-in as turkestan-asrr (Syr-Darya, Fergana, Samarkand, Semirechye and Transcaspian "
                 "oblasts): the Amu-Darya otdel (now eastern Karakalpakstan) and the eastern Pamir (now eastern "
                 "Gorno-Badakhshan) are missing; Mangyshlak, then Transcaspian, lies in a Kazakh unit and is missing; "
                 "the Bukhara and Khiva protectorates are separate features",
         date_basis=f"1917 only marks the start of the atlas period (the krai dates from 1867); valid_to 1918-04-30, "
                    f"proclamation of the Turkestan republic: {GENERAL}."),
    dict(region_id="turkestan-asrr", unit_id="turkestan", name="Turkestan ASSR",
         name_alt="Turkestan Soviet Republic; Turkestan Autonomous Soviet Socialist Republic within the RSFSR",
         kind="assr", valid_from="1918-04-30", valid_to=DELIMITATION_DAY, capital="tashkent", capitals="",
         capital_note="", part_of="", units=TURKESTAN, schematic=False, est_error_km=300,
         est_error_note=E_KYZYLKUM_TURKESTAN,
         differs="made of the Syr-Darya, Fergana, Samarkand, Semirechye and Transcaspian (from 1921 Turkmen) "
                 "oblasts; missing: the Amu-Darya otdel (right bank of the lower Amu Darya, now eastern "
                 "Karakalpakstan) and the eastern Pamir (now eastern Gorno-Badakhshan), because the modern units "
                 "holding them lay mostly in Khiva or Bukhara; modern Kyzylorda/Almaty oblast lines do not follow the "
                 "old limits against the Kirgiz ASSR (up to ~200 km); Mangyshlak passed to the Kirgiz ASSR in 1920 "
                 "and is excluded; the lines against Bukhara and Khiva are approximated by modern viloyat/welayat "
                 "lines. De jure extent: Transcaspia (1918-1919), Semirechye and Fergana (Basmachi revolt) were long "
                 "outside Soviet control",
         date_basis=D_TURKESTAN),
    dict(region_id="syr-darya-oblast", unit_id="syr-darya", name="Syr-Darya oblast", name_alt="Syr-Darya province of the Turkestan ASSR",
         kind="oblast", valid_from="1918-04-30", valid_to=DELIMITATION_DAY, capital="tashkent", capitals="",
         capital_note="", part_of="turkestan-asrr",
         units=[("UZ", "Tashkent"), ("UZ", "Tashkent City"), ("UZ", "Sirdaryo"), ("KZ", "South Kazakhstan"),
                ("KZ", "Zhambyl")] + QYZYLORDA + [("KG", "Talas")], schematic=True, est_error_km=300,
         est_error_note=E_KYZYLKUM_TURKESTAN,
         differs="the Amu-Darya otdel (now eastern Karakalpakstan) is missing; its limits against the Turgai and "
                 "Akmolinsk oblasts did not follow the modern oblast lines; the Hungry Steppe was split with the "
                 "Samarkand oblast (Jizzakh uezd, excluded)",
         date_basis=f"Dates of the Turkestan ASSR, of which it was part. {D_TURKESTAN}"),
    dict(region_id="semirechye-oblast", unit_id="semirechye", name="Semirechye oblast",
         name_alt="Dzhetysu (Zhetysu, Jetisu) oblast, as it was also called in the early 1920s; province of the "
                  "Turkestan ASSR", kind="oblast", valid_from="1918-04-30", valid_to=DELIMITATION_DAY,
         capital="alma-ata", capitals="", capital_note="the centre Verny was renamed Alma-Ata in 1921 (general "
                                                         "reference)", part_of="turkestan-asrr",
         units=[("KZ", "Almaty"), ("KZ", "Almaty City"), ("KG", "Chuy"), ("KG", "Bishkek"), ("KG", "Ysyk-Köl"),
                ("KG", "Naryn")], schematic=True, est_error_km=150,
         differs="modern oblast lines do not follow the uezd limits; the southern Naryn highlands and the Balkhash "
                 "shore are the least certain parts; Talas (then Aulie-Ata uezd of Syr-Darya oblast) is excluded",
         date_basis=f"Dates of the Turkestan ASSR, of which it was part. {D_TURKESTAN}"),
    dict(region_id="syr-darya-guberniya", unit_id="syr-darya", name="Syr-Darya guberniya",
         name_alt="Syr-Darya province of the Kirgiz (from 1925 Kazak) ASSR", kind="guberniya",
         valid_from=DELIMITATION_DAY, valid_to="1928-01-17", capital="chimkent", capitals="",
         capital_note=f"centre Chimkent: {GENERAL}; not verified against a primary source",
         part_of="kazakh-assr-1924", units=[("KZ", "South Kazakhstan"), ("KZ", "Zhambyl")] + QYZYLORDA,
         schematic=True, est_error_km=150,
         differs="Bostandyk district (now Tashkent viloyat, Uzbekistan) belonged to it and is missing; the northern "
                 "limits (Betpak-Dala, Sarysu) are approximated by modern oblast lines",
         date_basis=f"valid_from: {D_DELIM} valid_to: {D_OKRUG}"),
    dict(region_id="zhetysu-guberniya", unit_id="semirechye", name="Dzhetysu guberniya",
         name_alt="Zhetysu (Jetisu) guberniya; Semirechye; province of the Kirgiz (from 1925 Kazak) ASSR",
         kind="guberniya", valid_from=DELIMITATION_DAY, valid_to="1928-01-17", capital="alma-ata", capitals="",
         capital_note="", part_of="kazakh-assr-1924", units=[("KZ", "Almaty"), ("KZ", "Almaty City")],
         schematic=True, est_error_km=100,
         differs="formed from the northern (Kazakh) uezds of the former Semirechye/Dzhetysu oblast; modern Almaty "
                 "oblast in its extent before 2022 (when Zhetisu Region was split off) stands in; the line against "
                 "Semipalatinsk guberniya is approximated. On abolition its territory went to the Alma-Ata and "
                 "Semipalatinsk okrugs (general reference)",
         date_basis=f"valid_from: {D_DELIM} valid_to: {D_OKRUG}"),
    dict(region_id="syr-darya-okrug", unit_id="syr-darya", name="Syr-Darya okrug", name_alt="Syr-Darya district of the Kazak ASSR",
         kind="okrug", valid_from="1928-01-17", valid_to="1930-12-17", capital="chimkent", capitals="",
         capital_note=f"centre Chimkent: {GENERAL}", part_of="kazakh-assr-1924;kazakh-assr-1930",
         units=[("KZ", "South Kazakhstan"), ("KZ", "Zhambyl")], schematic=True, est_error_km=150,
         differs="formed from parts of the Syr-Darya, Akmolinsk and Semipalatinsk guberniyas, with 21 raions including "
                 "Aulie-Ata, Merke, Talas, Sarysu, Suzak and Bostandyk (general reference); Bostandyk is now in "
                 "Uzbekistan (missing) and the northern raions may have reached beyond modern Zhambyl oblast",
         date_basis=D_OKRUG),
    dict(region_id="kzyl-orda-okrug", unit_id="kzyl-orda-okrug", name="Kzyl-Orda okrug", name_alt="Kzyl-Orda district of the Kazak ASSR",
         kind="okrug", valid_from="1928-01-17", valid_to="1930-12-17", capital="kzyl-orda", capitals="",
         capital_note="", part_of="kazakh-assr-1924;kazakh-assr-1930", units=QYZYLORDA, schematic=True,
         est_error_km=150,
         differs="formed from part of the Syr-Darya guberniya (8 raions, general reference); its lines against the "
                 "Syr-Darya and Aktyubinsk okrugs and the Kara-Kalpak AO are approximated by the modern oblast line",
         date_basis=D_OKRUG),
    dict(region_id="chimkent-area", unit_id="chimkent-area", name="Chimkent area",
         name_alt="Chimkent uezd and neighbouring raions; the country round Chimkent and Turkestan town",
         kind="district", valid_from="1917", valid_to="1937", capital="chimkent", capitals="", capital_note="",
         part_of="", units=[("KZ", "South Kazakhstan")], schematic=True, est_error_km=150,
         differs="not one dated unit: the area was successively in the Syr-Darya oblast (Turkestan ASSR), the "
                 "Syr-Darya guberniya and the Syr-Darya okrug (1928-1930), then in raions under the republic; modern "
                 "South Kazakhstan oblast (Natural Earth's name; today Turkistan Region plus Shymkent city) also "
                 "covers Turkestan town, the Kazakh part of the Hungry Steppe and the lower Syr Darya to the "
                 "Kyzylorda line",
         date_basis=D_AREA),
    dict(region_id="aulie-ata-area", unit_id="aulie-ata-area", name="Aulie-Ata area",
         name_alt="Aulie-Ata uezd (to 1928) and Aulie-Ata raion of the Syr-Darya okrug (1928-1930); Talas valley",
         kind="district", valid_from="1917", valid_to="1937", capital="aulie-ata", capitals="", capital_note="",
         part_of="", units=[("KZ", "Zhambyl")], schematic=True, est_error_km=150,
         differs="modern Zhambyl oblast also covers the Chu valley, the Muyunkum sands and the Sarysu lowland, which "
                 "were not all in the Aulie-Ata uezd; the Kyrgyz part of the Talas valley is outside it",
         date_basis=D_AREA),
    dict(region_id="uzbek-ssr-1924", unit_id="uzbekistan", name="Uzbek SSR",
         name_alt="Uzbekistan; union republic; here including the Tajik ASSR and the Khujand area (until 1929)",
         kind="ssr", valid_from=DELIMITATION_DAY, valid_to="1929-10-16", capital="samarkand",
         capitals="samarkand@1925/1930;tashkent@1930/..", capital_note=D_UZ_CAPITALS, part_of="",
         units=UZ_MAIN + TJ_ALL, schematic=False, est_error_km=300, est_error_note=E_KYZYLKUM_EXTRA,
         differs="includes the Tajik ASSR (feature tajik-assr) and the Khujand (Khodzhent) area, which passed to the "
                 "Tajik SSR in 1929; excludes Karakalpakstan (then Kazakh ASSR / RSFSR); " + K_UZ_BORDERS
                 + "; Tamdy (now Navoi viloyat) was in the Kara-Kalpak AO (wrongly included)",
         date_basis=f"{CARR}, p. 268: Turkestan TsIK resolution of 17 September 1924 that 'the Uzbek population was "
                    f"to form a new Uzbek SSR'; p. 269: formally proclaimed in February 1925 (congress at Bokhara, "
                    f"14-18 February 1925, p. 269 n. 5) and admitted to the USSR three months later. Days 1924-10-27 "
                    f"(USSR TsIK decision) and 1929-10-16 (Tajik republic separated): {GENERAL}."),
    dict(region_id="uzbek-ssr-1929", unit_id="uzbekistan", name="Uzbek SSR", name_alt="Uzbekistan; union republic", kind="ssr",
         valid_from="1929-10-16", valid_to="1936-12-05", capital="samarkand",
         capitals="samarkand@1925/1930;tashkent@1930/..", capital_note=D_UZ_CAPITALS, part_of="",
         units=UZ_MAIN, schematic=False, est_error_km=300, est_error_note=E_KYZYLKUM_EXTRA,
         differs="excludes Karakalpakstan (then RSFSR); " + K_UZ_BORDERS
                 + "; Tamdy (now Navoi viloyat) was in the Kara-Kalpak AO/ASSR (wrongly included)",
         date_basis=f"1929-10-16 (Tajik republic separated) and 1936-12-05 (Kara-Kalpak ASSR joins): {GENERAL}."),
    dict(region_id="uzbek-ssr-1936", unit_id="uzbekistan", name="Uzbek SSR",
         name_alt="Uzbekistan; union republic; including the Kara-Kalpak ASSR from 1936-12-05", kind="ssr",
         valid_from="1936-12-05", valid_to="1991", capital="tashkent", capitals="", capital_note="", part_of="",
         units=UZ_ALL, schematic=False, est_error_km=75, differs=K_UZ_BORDERS,
         date_basis=f"1936-12-05, transfer of the Kara-Kalpak ASSR: {GENERAL}. valid_to 1991 only closes the Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="tajik-assr", unit_id="tajikistan", name="Tajik ASSR",
         name_alt="Tadzhik ASSR; autonomous republic within the Uzbek SSR", kind="assr",
         valid_from=DELIMITATION_DAY, valid_to="1929-10-16", capital="stalinabad", capitals="",
         capital_note=f"{CARR}, p. 271: 'the Tajik capital, Dyushambe, later renamed Stalinabad'",
         part_of="uzbek-ssr-1924", units=TJ_SOUTH, schematic=False, est_error_km=150,
         differs="missing: the Pendzhikent and Ura-Tyube vilayats (mountain parts of the Samarkand and Khodzhent "
                 "uezds, now in Sughd), which belonged to the ASSR from 1924, because Sughd as a whole also holds "
                 "Khujand, which joined only in 1929; possibly missing: part of Sary-Asiya (now Surkhandarya, "
                 "Uzbekistan); the eastern Pamir (Murghab) joined from the Kara-Kirgiz AO only at the beginning of "
                 "1925 but is included from 1924",
         date_basis=f"{CARR}, p. 268: resolution of 17 September 1924 that the Tajik population was 'to form a new "
                    f"Tajik autonomous SSR within the Uzbek SSR'; p. 269: the Pamirs were united 'to form a single "
                    f"autonomous region within the Tajik republic' at the beginning of 1925. valid_from: "
                    f"the delimitation day {DELIMITATION_DAY} (reference works give 14 October 1924 for the Tajik "
                    f"ASSR; one day is used for all units of the delimitation, see kazakh-assr-1924). valid_to "
                    f"1929-10-16: {GENERAL} (reference works also give 1929-10-26 and, for admission to the USSR, "
                    f"1929-12-05)."),
    dict(region_id="tajik-ssr", unit_id="tajikistan", name="Tajik SSR",
         name_alt="Tadzhik SSR; union republic (admitted to the USSR 1929-12-05, general reference)", kind="ssr",
         valid_from="1929-10-16", valid_to="1991", capital="stalinabad", capitals="", capital_note="", part_of="",
         units=TJ_ALL, schematic=False, est_error_km=50,
         differs="modern Tajik borders; later adjustments with the Uzbek and Kirgiz republics in the Fergana valley "
                 "are not represented",
         date_basis=f"1929-10-16: {GENERAL} (also given as 1929-10-26 or 1929-12-05). valid_to 1991 only closes the "
                    f"Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="gorno-badakhshan-ao", unit_id="gorno-badakhshan", name="Pamir (Gorno-Badakhshan) autonomous region",
         name_alt="Gorno-Badakhshan AO; the Pamirs; within the Tajik ASSR, from 1929 the Tajik SSR", kind="ao",
         valid_from="1925-01-02", valid_to="1991", capital="khorog", capitals="",
         capital_note=f"centre Khorog: {GENERAL}", part_of="tajik-assr;tajik-ssr",
         units=[("TJ", "Gorno-Badakhshan")], schematic=False, est_error_km=50,
         differs="modern Gorno-Badakhshan lines; the region's later boundary changes (e.g. with the Garm and Kulyab "
                 "areas) are not reconstructed",
         date_basis=f"{CARR}, p. 269: 'At the beginning of 1925' the Pamirs, 'hitherto split between the Kirgiz "
                    f"autonomous region and the Tajik autonomous SSR', were 'united to form a single autonomous region "
                    f"within the Tajik republic'. Day 1925-01-02: {GENERAL}. valid_to 1991 only closes the Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="kara-kirgiz-ao", unit_id="kyrgyzstan", name="Kara-Kirgiz AO",
         name_alt="Kara-Kirghiz Autonomous Oblast within the RSFSR; today Kyrgyzstan", kind="ao",
         valid_from=DELIMITATION_DAY, valid_to="1925-05", capital="pishpek", capitals="",
         capital_note=f"Pishpek, renamed Frunze in 1926 ({CARR}, p. 271)", part_of="", units=KG_ALL,
         schematic=False, est_error_km=100,
         differs="it also held the eastern Pamir (Murghab) until early 1925 ({} p. 269), which is missing; {}".format(
             CARR, K_KG_BORDERS),
         date_basis=f"{CARR}, p. 268: the Kirgiz ('here called Kara-Kirgiz') population 'was to form a new "
                    f"autonomous region within the RSFSR'; p. 270: renamed the Kirgiz autonomous region by RSFSR "
                    f"decrees of May and June 1925. valid_from: the delimitation day {DELIMITATION_DAY} (reference works "
                    f"give 14 October 1924 for the AO; one day is used for all units of the delimitation, see "
                    f"kazakh-assr-1924); the month 1925-05 (reference works give 15 or 25 May 1925): {GENERAL}."),
    dict(region_id="kirgiz-ao", unit_id="kyrgyzstan", name="Kirgiz AO", name_alt="Kirghiz Autonomous Oblast within the RSFSR; today "
                                                           "Kyrgyzstan", kind="ao",
         valid_from="1925-05", valid_to="1926-02", capital="pishpek", capitals="",
         capital_note=f"Pishpek, renamed Frunze in 1926 ({CARR}, p. 271)", part_of="", units=KG_ALL,
         schematic=False, est_error_km=50, differs=K_KG_BORDERS,
         date_basis=f"valid_from: {CARR}, p. 270 (renaming by RSFSR decrees of May and June 1925). valid_to 1926-02 "
                    f"(reference works give 1 or 11 February 1926 for the Kirgiz ASSR): {GENERAL}. DISPUTED: {CARR}, "
                    f"p. 300 n. 2 dates the change to an autonomous SSR to April 1927 (citing Sobranie Uzakonenii "
                    f"1927, No. 40, art. 258); this file follows the 1926 date."),
    dict(region_id="kirgiz-assr-1926", unit_id="kyrgyzstan", name="Kirgiz ASSR",
         name_alt="Kirghiz ASSR (1926-1936) within the RSFSR; today Kyrgyzstan; not the Kirgiz ASSR of 1920-1925 "
                  "(kirgiz-asrr)", kind="assr", valid_from="1926-02", valid_to="1936-12-05", capital="pishpek",
         capitals="", capital_note=f"Pishpek, renamed Frunze in 1926 ({CARR}, p. 271)", part_of="", units=KG_ALL,
         schematic=False, est_error_km=50, differs=K_KG_BORDERS,
         date_basis=f"valid_from 1926-02 ({GENERAL}); DISPUTED: {CARR}, p. 300 n. 2 gives April 1927. valid_to "
                    f"1936-12-05 (Kirgiz SSR): {GENERAL}."),
    dict(region_id="kirgiz-ssr", unit_id="kyrgyzstan", name="Kirgiz SSR", name_alt="Kirghiz SSR; union republic; today Kyrgyzstan",
         kind="ssr", valid_from="1936-12-05", valid_to="1991", capital="pishpek", capitals="", capital_note="",
         part_of="", units=KG_ALL, schematic=False, est_error_km=50, differs=K_KG_BORDERS,
         date_basis=f"1936-12-05: {GENERAL}. valid_to 1991 only closes the Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="turkmen-ssr", unit_id="turkmenistan", name="Turkmen SSR", name_alt="Turkmenistan; union republic", kind="ssr",
         valid_from=DELIMITATION_DAY, valid_to="1991", capital="ashkhabad", capitals="",
         capital_note=f"{CARR}, p. 271: the capital 'originally designed' was Charjui-Leninsk; 'after a brief "
                      f"period' it was fixed at Poltoratsk (the former Ashkhabad); that brief period is not dated "
                      f"here", part_of="", units=TM_ALL, schematic=False, est_error_km=75,
         differs="the Uzbek-Turkmen line in Khorezm and along the Amu Darya was redrawn several times after 1924; the "
                 "north shore of Kara-Bogaz-Gol was then Kazakh according to reference works but is included here",
         date_basis=f"{CARR}, p. 268: resolution of 17 September 1924 that 'the Turkmen population' was to form 'a "
                    f"new Turkmen SSR'; p. 269: proclaimed in February 1925 and admitted to the USSR three months "
                    f"later. Day 1924-10-27: {GENERAL}. valid_to 1991 only closes the Soviet period: the unit continued beyond the atlas period and later changes are ignored."),
    dict(region_id="bukhara-emirate", unit_id="bukhara", name="Emirate of Bukhara", name_alt="Bukhara; Russian protectorate",
         kind="protectorate", valid_from="1917", valid_to="1920-09-02", capital="bukhara", capitals="",
         capital_note="", part_of="", units=BUKHARA, schematic=False, est_error_km=300,
         est_error_note=E_KYZYLKUM_EXTRA,
         differs="missing: the western Pamir begliks (Darvaz, Shughnan, Rushan, Wakhan; now in Gorno-Badakhshan, "
                 "which also holds the Russian eastern Pamir); wrongly included: Kyzylkum lands of Navoi viloyat "
                 "(Tamdy) then in Russian Turkestan, and Russian settlements such as New Bukhara, Termez and Chardzhui; "
                 "the lines against the Samarkand oblast (Kermine, Nurata) follow modern viloyat lines",
         date_basis=f"1917 only marks the start of the atlas period; valid_to 1920-09-02, the Red Army took Bukhara "
                    f"and the emir fled: {GENERAL}."),
    dict(region_id="bukhara-psr", unit_id="bukhara", name="Bukharan People's Soviet Republic",
         names=[dict(name="Bukharan People's Soviet Republic", start="1920-10-08", end="1924-09",
                     source=f"{GENERAL}; {CARR}, p. 267: the Bokharan congress of Soviets resolved in September-October "
                            f"1923 on the transformation into a 'Soviet socialist' republic, which reference works date "
                            f"to September 1924"),
                dict(name="Bukharan SSR", start="1924-09", end=DELIMITATION_DAY,
                     source=f"{GENERAL} (last weeks before the delimitation); {CARR}, p. 268 still calls it 'the "
                            f"Bokharan Soviet republic' when the fifth congress dissolved it, a few days after 17 "
                            f"September 1924")],
         name_alt="BNSR; Bukhara; Bukharan SSR (name of its last weeks in 1924, general reference)", kind="psr",
         valid_from="1920-10-08", valid_to=DELIMITATION_DAY, capital="bukhara", capitals="", capital_note="",
         part_of="", units=BUKHARA, schematic=False, est_error_km=300, est_error_note=E_KYZYLKUM_EXTRA,
         differs="as bukhara-emirate: western Pamir begliks missing, Kyzylkum lands of Navoi viloyat and Russian "
                 "railway settlements wrongly included",
         date_basis=f"{CARR}, pp. 265-266: Khorezm and Bokhara remained 'formally independent Soviet republics'; "
                    f"p. 267: in September and October 1923 the Bokharan and Khorezm congresses of Soviets resolved "
                    f"on transformation into 'Soviet socialist' republics; p. 268: 'A few days later' than 17 "
                    f"September 1924 the fifth Bokharan congress of Soviets decided to dissolve the republic. Days "
                    f"1920-10-08 and 1924-10-27: {GENERAL}."),
    dict(region_id="khiva-khanate", unit_id="khorezm", name="Khanate of Khiva", name_alt="Khiva; Russian protectorate",
         kind="protectorate", valid_from="1917", valid_to="1920-02-02", capital="khiva", capitals="",
         capital_note="", part_of="", units=KHIVA, schematic=False, est_error_km=150,
         differs="missing: the khanate's lands on the left bank of the lower Amu Darya delta (Khodzheyli, Kungrad, "
                 "towards the Aral Sea; now in Karakalpakstan, which also holds the Russian Amu-Darya otdel); its "
                 "desert limits (Ustyurt, Karakum) are not established here",
         date_basis=f"1917 only marks the start of the atlas period; valid_to 1920-02-02, the khan deposed: "
                    f"{GENERAL}."),
    dict(region_id="khorezm-psr", unit_id="khorezm", name="Khorezm People's Soviet Republic (Khorezm SSR from 1923)",
         name_alt="Khorezm; Khorezm SSR (name from its 1923 transformation)", kind="psr",
         names=[dict(name="Khorezm People's Soviet Republic", start="1920-04-26", end="1923-10",
                     source=f"valid_from: {GENERAL}; end: as the next name"),
                dict(name="Khorezm SSR", start="1923-10", end=DELIMITATION_DAY,
                     source=f"{CARR}, p. 267: 'in September and October 1923, when the Bokharan and Khorezm congresses "
                            f"of Soviets passed resolutions providing for the transformation of their respective "
                            f"republics from \" Soviet \" into \" Soviet socialist \" republics'; the month October 1923 "
                            f"for Khorezm is {GENERAL}")],
         valid_from="1920-04-26", valid_to=DELIMITATION_DAY, capital="khiva", capitals="", capital_note="", part_of="",
         units=KHIVA, schematic=False, est_error_km=150,
         differs="as khiva-khanate: left-bank delta lands (now Karakalpakstan) missing; desert limits not established",
         date_basis=f"{CARR}, p. 267: Khorezm congress of Soviets of September-October 1923 resolved on "
                    f"transformation into a 'Soviet socialist' republic; p. 268: 'On October 2, 1924, a similar step "
                    f"was taken by the fifth congress of Soviets of Khorezm' (dissolution). Days 1920-04-26 and "
                    f"1924-10-27: {GENERAL}."),
    dict(region_id="kurgan-tyube-area", unit_id="kurgan-tyube-area", name="Kurgan-Tyube area and Vakhsh valley",
         name_alt="Kurgan-Tyube vilayat of the Tajik ASSR (1920s); lower Vakhsh and Kafirnigan valleys; "
                  "Qurghonteppa, today Bokhtar", kind="district", valid_from="1917", valid_to="1937",
         capital="kurgan-tyube", capitals="", capital_note="", part_of="", units=[("TJ", "Khatlon")],
         schematic=True, est_error_km=100,
         differs="modern Khatlon (the 1988 merger of the Kurgan-Tyube and Kulyab oblasts) also holds the Kulyab area "
                 "to the east, so the shape is roughly twice too large; the Vakhsh valley proper is the lowland "
                 "along the lower Vakhsh in its western half",
         date_basis=D_AREA),
    dict(region_id="southern-uzbekistan-area", unit_id="southern-uzbekistan-area",
         name="Southern Uzbekistan (Kashkadarya and Surkhandarya)",
         name_alt="the 'southern regions of Uzbekistan' of Kabyl et al. 2024; Karshi (Bek-Budi 1926-1937) and "
                  "Termez areas; in 1917-1920 part of the Emirate of Bukhara, then of the Bukharan republic",
         kind="district", valid_from="1917", valid_to="1937", capital="", capitals="", capital_note="", part_of="",
         units=UZ_SOUTH, schematic=True, est_error_km=100,
         differs="a geographic stand-in, not a dated unit: modern Kashkadarya and Surkhandarya viloyats; the 1920s "
                 "units there (Kashka-Darya and Surkhan-Darya okrugs/vilayats) did not follow these lines exactly",
         date_basis=D_AREA),
    dict(region_id="afghanistan", unit_id="afghanistan", name="Afghanistan",
         name_alt="Emirate of Afghanistan until 1926, then Kingdom of Afghanistan; a foreign state, drawn only as "
                  "the end of routes that the sources take there", kind="country",
         names=[dict(name="Emirate of Afghanistan", start="1917", end="1926",
                     source=f"{GENERAL}: Amanullah took the title of king in 1926"),
                dict(name="Kingdom of Afghanistan", start="1926", end="1937",
                     source=f"{GENERAL}")],
         valid_from="1917", valid_to="1937", capital="", capitals="", capital_note="Kabul (not a place of the atlas)",
         part_of="", units=[("AF", "*")], schematic=False, est_error_km=50,
         differs="today's borders of Afghanistan (union of all its modern admin-1 units); the northern border along "
                 "the Amu Darya and Panj and in the Pamirs was fixed by Anglo-Russian agreements of 1873-1895 "
                 "(general reference) and is the border of the period; other later adjustments are ignored",
         date_basis=f"Not a Soviet unit: valid_from 1917 and valid_to 1937 only bound the atlas period (1917-1936, "
                    f"read as [valid_from, valid_to)); the change of title in 1926: {GENERAL}."),
]

KINDS = {"assr", "ssr", "ao", "okrug", "district", "guberniya", "oblast", "krai", "psr", "protectorate", "country"}


def unit_code(row):
    """ISO country code of a unit; Natural Earth's adm0_a3 where it has none (KAB, the Baikonur lease)."""
    return row["iso_a2"] if row["iso_a2"] != "-1" else row["adm0_a3"]


def unit_label(row):
    """Natural Earth unit name, with the Tashkent city unit told apart from Tashkent viloyat."""
    if row["iso_a2"] == "UZ" and row["gn_name"] == "Toshkent Shahri":
        return "Tashkent City"
    return row["name"]


def check_version(path):
    """Refuse a gpkg extracted from another qgis-common version than the pinned one."""
    root = path.split("/usr/share/qgis/")[0]
    changelog = os.path.join(root, "usr/share/doc/qgis-common/changelog.Debian.gz")
    if os.path.exists(changelog):
        with gzip.open(changelog, "rt", encoding="utf-8") as f:
            first = f.readline()
        if f"({QGIS_COMMON_VERSION})" not in first:
            sys.exit(f"{changelog}: {first.strip()!r} is not qgis-common {QGIS_COMMON_VERSION}")


def load_units(path):
    """Return {(iso_a2, label): geometry} for the admin-1 units the regions use, coverage-simplified.

    A unit written (code, "*") stands for the union of all units of that country (Afghanistan)."""
    wanted = {u for r in REGIONS for u in r["units"]}
    whole = {c for c, n in wanted if n == "*"}
    df = pyogrio.read_dataframe(path, layer="states_provinces")
    df["code"] = [unit_code(r) for _, r in df.iterrows()]
    df = df[df["code"].isin({c for c, _ in wanted})].copy()
    df["label"] = [unit_label(r) for _, r in df.iterrows()]
    df = df[[(c, n) in wanted or c in whole for c, n in zip(df["code"], df["label"])]]
    df = df.sort_values(["code", "label", "gn_name"])
    keys = list(zip(df["code"], df["label"]))
    named = [k for k in keys if k[0] not in whole]
    missing = sorted(u for u in wanted - set(keys) if u[1] != "*")
    if missing or len(named) != len(set(named)):
        sys.exit(f"admin-1 units missing or ambiguous in {path}: {missing}")
    geoms = make_valid(df.geometry.values)
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_DEG)
    units = {k: g for k, g in zip(keys, geoms) if k[0] not in whole}
    for code in sorted(whole):
        units[(code, "*")] = shapely.union_all([g for (c, _), g in zip(keys, geoms) if c == code])
    return units


def clean(geom):
    """Valid polygonal geometry without sliver holes left between neighbouring units."""
    geom = make_valid(geom)
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area > 0]
    polys = [Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= MIN_HOLE_DEG2]) for p in polys]
    polys.sort(key=lambda p: (-p.area, p.representative_point().x))
    out = make_valid(MultiPolygon(polys) if len(polys) > 1 else polys[0])
    return shapely.normalize(out)


def rounded(coords):
    """Round nested coordinate lists to DECIMALS places."""
    if isinstance(coords[0], (int, float)):
        return [round(c, DECIMALS) for c in coords]
    return [rounded(c) for c in coords]


def basis_text(r):
    """The `basis` property: exactly which modern units were used, and what is known to differ."""
    units = ", ".join(f"{n} ({c})" if n != "*" else f"all admin-1 units of {c}" for c, n in r["units"])
    lead = f"schematic: modern admin-1 unit(s) {units} as a stand-in; " if r["schematic"] else ""
    return f"{lead}union of modern admin-1 units: {units} ({SOURCE}). Known differences: {r['differs']}."


def known_place_ids():
    """place_ids in geo/places_source.csv (empty set if the file is not there yet)."""
    if not os.path.exists(PLACES_CSV):
        return set()
    with open(PLACES_CSV, newline="", encoding="utf-8") as f:
        return {row["place_id"] for row in csv.DictReader(f)}


def day(value, parse_edtf):
    """The first day of an EDTF date as a sortable tuple (validity is read as [valid_from, valid_to))."""
    t = parse_edtf(value).lower_strict()
    return (t.tm_year, t.tm_mon, t.tm_mday)


def names_of(r):
    """The dated names of a region: its `names` list, or its one `name` over its whole validity."""
    names = r.get("names") or [dict(name=r["name"], start=r["valid_from"], end=r["valid_to"],
                                    source="the feature's own dates (see date_basis)")]
    return [{"name": n["name"], "from": n["start"], "to": n["end"], "source": n["source"]} for n in names]


def check_definitions():
    """Fail loudly on a bad id, kind, EDTF date, unknown capital place id, dated names that do not cover the
    validity, or two configurations of one unit that overlap in time."""
    errs = []
    try:
        from edtf import parse_edtf
    except ImportError:
        parse_edtf = None
        print("warning: edtf package missing; dates not checked")
    ids = [r["region_id"] for r in REGIONS]
    places = known_place_ids()
    for r in REGIONS:
        rid = r["region_id"]
        if ids.count(rid) > 1:
            errs.append(f"{rid}: duplicate region_id")
        if r["kind"] not in KINDS:
            errs.append(f"{rid}: kind {r['kind']!r} not in {sorted(KINDS)}")
        for col in ("valid_from", "valid_to"):
            v = r[col]
            if parse_edtf:
                try:
                    parse_edtf(v)
                except Exception:
                    errs.append(f"{rid}: {col} not EDTF: {v!r}")
        for parent in filter(None, r["part_of"].split(";")):
            if parent not in ids:
                errs.append(f"{rid}: part_of {parent!r} is not a region_id")
        for part in filter(None, r["capitals"].split(";")):
            m = re.fullmatch(r"([a-z0-9-]+)@([^/]*)/([^/]*)", part)
            if not m:
                errs.append(f"{rid}: capitals entry not place_id@from/to: {part!r}")
            elif parse_edtf:
                for v in m.group(2, 3):
                    if v not in ("", ".."):
                        try:
                            parse_edtf(v)
                        except Exception:
                            errs.append(f"{rid}: capitals date not EDTF: {v!r}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.get("unit_id", "")):
            errs.append(f"{rid}: unit_id missing or not a slug")
        if parse_edtf:
            names = names_of(r)
            bounds = [r["valid_from"]] + [n["to"] for n in names]
            starts = [n["from"] for n in names] + [r["valid_to"]]
            if bounds != starts:
                errs.append(f"{rid}: names must follow each other from valid_from to valid_to: {bounds} vs {starts}")
        cap_ids = [r["capital"]] + [c.split("@")[0] for c in filter(None, r["capitals"].split(";"))]
        for pid in filter(None, cap_ids):
            if places and pid not in places:
                errs.append(f"{rid}: capital {pid!r} not in {os.path.basename(PLACES_CSV)}")
    if parse_edtf:
        by_unit = {}
        for r in REGIONS:
            by_unit.setdefault(r["unit_id"], []).append(r)
        for unit, rs in by_unit.items():
            spans = sorted((day(r["valid_from"], parse_edtf), day(r["valid_to"], parse_edtf), r["region_id"]) for r in rs)
            for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
                if s2 < e1:
                    errs.append(f"unit {unit}: {a} and {b} overlap in time")
    if errs:
        sys.exit("\n".join(errs))


def build(path):
    """Return the FeatureCollection dict of all REGIONS."""
    units = load_units(path)
    features = []
    for r in REGIONS:
        geom = clean(shapely.union_all([units[u] for u in r["units"]]))
        gj = mapping(geom)
        props = {
            "region_id": r["region_id"], "name": r["name"], "name_alt": r["name_alt"], "kind": r["kind"],
            "valid_from": r["valid_from"], "valid_to": r["valid_to"], "capital": r["capital"],
            "capitals": r["capitals"], "capital_note": r["capital_note"], "part_of": r["part_of"],
            "unit_id": r["unit_id"], "names": names_of(r),
            "approximate": True, "schematic": r["schematic"], "basis": basis_text(r),
            "est_error_km": r["est_error_km"], "est_error_note": r.get("est_error_note", ""),
            "date_basis": r["date_basis"],
        }
        features.append({"type": "Feature", "id": r["region_id"], "properties": props,
                         "geometry": {"type": gj["type"],
                                      "coordinates": rounded(json.loads(json.dumps(gj["coordinates"])))}})
    return {"type": "FeatureCollection", "name": "regions", "features": features}


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    if not os.path.exists(path):
        sys.exit(f"{path}: not found; see this script's docstring for the qgis-common download")
    check_version(path)
    check_definitions()
    fc = build(path)
    os.makedirs(GEO, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(OUT)}: {len(fc['features'])} regions, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main(sys.argv)
