"""Deterministic generator of realistic synthetic news corpora (run by hand; stdlib only).

    .venv/bin/python benchmarks/generate.py OUT_DIR --count N [--seed 7] [--words 600]
    .venv/bin/python benchmarks/generate.py --check

or from Python: ``generate(out_dir, count, seed=7, words=600) -> list[Path]``.

Files are ``OUT_DIR/<cluster:05d>_<source>.txt``: scraped-looking wire copy (headline, date line,
sometimes a byline or a dateline, 8-14 paragraphs, sometimes a sign-off). Articles come in story
clusters of 3-6 sources reporting one invented event (earthquake, flood, wildfire, ferry
sinking, factory blast, election, merger, protest, trial, strike) with the same people, places
and organisations, and the differences real coverage has: a running toll that rises with
publication time, different hedges and attributions, kilometres against miles, "in March"
against "March 2025", a fact only one source reports. About a tenth of each article is a quote
that every source of its cluster carries word for word (outlets that print straight quotes or
American spelling print it their way).

Same seed, count and words give byte-identical files: every choice comes from
``random.Random`` seeded with a string (never ``hash()``), nothing reads the clock or the locale,
and nothing iterates over a set. Each cluster has its own generator, so a cluster's text does not
depend on how many clusters come before it (only the last cluster is cut short to fit ``count``)
nor on how many worker processes write the files (one per core from 2,000 articles; about 0.5 ms
of CPU per article, so 50,000 files take well under a minute).

Around 600 words the sentences of an article are all different; much longer articles
(``--words 1500``) run out of templates and repeat a few sentences to reach their length.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

__all__ = ["generate"]

# --------------------------------------------------------------------------------------------
# People

_NAMES: dict[str, tuple[str, str, str]] = {
    # culture: (male first names, female first names, surnames)
    "filipino": (
        "Jose Antonio Ramon Eduardo Rodrigo Benigno Manuel Emmanuel Paolo Miguel Rafael Renato "
        "Gilbert Ernesto",
        "Maria Ana Liza Cristina Teresa Grace Risa Jocelyn Marites Angelica Rowena Sara Imelda",
        "Reyes Santos Cruz Bautista Garcia Mendoza Villanueva Aquino Ramos Tolentino Castillo "
        "Dizon Soriano Pangilinan Navarro Salazar Lacson Abalos Magbanua Dimaculangan",
    ),
    "indonesian": (
        "Budi Agus Joko Bambang Hendra Rizky Eko Teguh Arief Fajar Yusuf Dedi Wahyu",
        "Siti Dewi Sri Ratna Putri Ayu Wulan Indah Rina Lestari Nurul Kartika",
        "Santoso Wijaya Saputra Kusuma Hidayat Nugroho Pratama Setiawan Gunawan Siregar "
        "Simanjuntak Wibowo Harahap Lubis Sutrisno Purnomo",
    ),
    "nigerian": (
        "Chukwuemeka Oluwaseun Ibrahim Emeka Tunde Musa Babatunde Chinedu Adebayo Yakubu Segun "
        "Obinna Aliyu",
        "Ngozi Aisha Funmilayo Chiamaka Amina Folake Adaeze Zainab Yetunde Ifeoma Hadiza",
        "Okafor Adeyemi Bello Okonkwo Abubakar Nwosu Eze Ogunleye Danjuma Obi Balogun Lawal "
        "Adéṣínà Olátúnjí Uche",
    ),
    "hispanic": (
        "José Luis Carlos Juan Miguel Alejandro Jorge Andrés Diego Raúl Martín Julio Óscar César",
        "María Ana Lucía Carmen Rosa Patricia Gabriela Valentina Sofía Daniela Inés Verónica "
        "Ximena",
        "García López Martínez Rodríguez Sánchez Pérez Gómez Fernández Torres Ramírez Flores "
        "Vargas Quispe Mamani Núñez Ibáñez Peña Muñoz Gutiérrez Castillo",
    ),
    "ukrainian": (
        "Oleksandr Andriy Serhiy Mykola Dmytro Volodymyr Taras Yuriy Bohdan Ihor Vitaliy",
        "Olena Iryna Nataliya Oksana Yuliya Tetiana Kateryna Halyna Svitlana Mariya",
        "Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Koval Oliynyk "
        "Marchenko Savchenko Rudenko Lysenko Hrytsenko",
    ),
    "turkish": (
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Kemal Oğuz Selim",
        "Ayşe Fatma Emine Zeynep Elif Hatice Merve Gül Özlem Esra Derya Şule",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
        "Kılıç Aslan Çetin Koç Kurt Erdem",
    ),
    "brazilian": (
        "João Pedro Lucas Gabriel Rafael Thiago Felipe Bruno Rodrigo Marcelo Gustavo Antônio "
        "Sérgio",
        "Ana Beatriz Juliana Fernanda Camila Larissa Mariana Letícia Patrícia Renata Cláudia Luíza",
        "Silva Santos Oliveira Souza Lima Pereira Ferreira Costa Rodrigues Almeida Nascimento "
        "Araújo Gonçalves Carvalho Ribeiro Barbosa Conceição",
    ),
    "kenyan": (
        "James Peter David Samuel Joseph Daniel Brian Kevin Dennis Collins Felix Geoffrey",
        "Mary Grace Faith Mercy Esther Joyce Wanjiru Achieng Njeri Akinyi Nafula",
        "Otieno Mwangi Kamau Odhiambo Wafula Kiprono Kariuki Njoroge Ochieng Wanjala Cheruiyot "
        "Omondi Kimani Mutua",
    ),
    "indian": (
        "Rajesh Amit Suresh Vikram Arjun Rahul Sanjay Anil Pradeep Manoj Karthik Ravi",
        "Priya Sunita Anjali Kavita Deepa Neha Meera Lakshmi Pooja Swati Shalini Anita",
        "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Rao Verma Das Chatterjee Mehta Joshi "
        "Menon Pillai",
    ),
    "japanese": (
        "Hiroshi Takeshi Kenji Satoshi Daisuke Kazuo Makoto Yuki Shinji Tetsuya Ryo",
        "Yuko Keiko Akiko Naomi Haruka Yumi Sachiko Emiko Megumi Aiko",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
        "Yamada Sasaki Matsumoto Inoue Kimura Kōno Saitō",
    ),
    "korean": (
        "Min\u2011jun Seo\u2011jun Ji\u2011hoon Dong\u2011hyun Sung\u2011min Jae\u2011won "
        "Hyun\u2011woo Tae\u2011yang",
        "Ji\u2011yeon Seo\u2011yeon Min\u2011ji Hye\u2011jin Su\u2011bin Eun\u2011ji Ha\u2011eun",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Oh Seo",
    ),
    "vietnamese": (
        "Hùng Dũng Tuấn Minh Nam Long Quang Hải Phúc",
        "Lan Hương Mai Linh Thảo Hà Trang Ngân",
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Vũ Đặng Bùi Đỗ",
    ),
    "arabic": (
        "Mohamed Ahmed Mahmoud Mostafa Khaled Tarek Omar Hossam Sherif Amr Youssef",
        "Fatma Mona Nadia Rania Heba Dina Yasmine Salma Nourhan Amira",
        "Hassan Mansour El\u2011Sayed Abdel\u2011Aziz Abdel\u2011Fattah Farouk Saleh Gaber Nasser "
        "Ragab Shokry Soliman",
    ),
    "pakistani": (
        "Imran Asif Bilal Faisal Tariq Usman Zubair Kamran Shahid Saqib",
        "Ayesha Sana Fatima Hina Nadia Sadia Mehwish Rabia Saima",
        "Khan Ahmed Malik Hussain Qureshi Chaudhry Butt Abbasi Siddiqui Baloch Shah Raza",
    ),
    "greek": (
        "Giorgos Nikos Dimitris Kostas Yannis Panagiotis Vasilis Christos Stavros Andreas",
        "Maria Eleni Katerina Sofia Georgia Dimitra Ioanna Vasiliki Anna Despina",
        "Papadopoulos Georgiou Nikolaidis Oikonomou Papageorgiou Konstantinou Vlachos "
        "Karagiannis Dimitriou Makris Antonopoulos",
    ),
    "french": (
        "Jean\u2011Luc Jean\u2011Pierre François Mathieu Olivier Sébastien Thierry Nicolas Étienne "
        "Laurent Benoît",
        "Marie\u2011Claire Élodie Sophie Camille Nathalie Isabelle Céline Amélie Hélène Juliette "
        "Anaïs",
        "Martin Bernard Dubois Durand Lefèvre Moreau Girard Bonnet Rousseau Faure Mercier "
        "Lemaître Gauthier",
    ),
    "german": (
        "Thomas Michael Andreas Stefan Jürgen Klaus Matthias Jörg Tobias Markus Uwe",
        "Sabine Katrin Julia Anja Ursula Petra Claudia Jana Annika Birgit Franziska",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Koch Hoffmann "
        "Schröder Krüger Köhler",
    ),
    "southafrican": (
        "Sipho Thabo Mandla Bongani Pieter Johan Themba Lungile Kagiso Riaan",
        "Nomvula Thandeka Lindiwe Naledi Zanele Anneke Busisiwe Palesa Refilwe",
        "Nkosi Dlamini Ndlovu Mokoena Botha Khumalo Mahlangu Pretorius Naidoo Molefe Mthembu",
    ),
    "polish": (
        "Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Łukasz Grzegorz Jakub",
        "Anna Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Zofia",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
        "Woźniak Dąbrowski",
    ),
    "bangladeshi": (
        "Abdul Mohammad Rafiqul Kamal Shafiqul Mizanur Habibur Aminul Jahangir Anisul",
        "Nasreen Shirin Farzana Rokeya Sharmin Taslima Nusrat Sabina",
        "Rahman Hossain Islam Ahmed Chowdhury Uddin Alam Haque Sarkar Miah Karim",
    ),
    "english": (
        "James John Michael David Robert William Thomas Daniel Matthew Andrew Mark Simon Paul",
        "Sarah Emma Laura Rachel Jennifer Emily Rebecca Claire Hannah Kate Lucy Megan",
        "Smith Johnson Brown Taylor Wilson Davies Evans Roberts Walker Wright Robinson "
        "Thompson Hughes Edwards O’Brien MacLeod Fitzgerald",
    ),
}
_NAME_POOLS = {
    culture: (male.split(), female.split(), last.split())
    for culture, (male, female, last) in sorted(_NAMES.items())
}
_CULTURES = sorted(_NAMES)


@dataclass(slots=True)
class Person:
    name: str  # as first written: "Ana Reyes", "Kim Min‑jun"
    short: str  # on later mentions: "Reyes", "Kim"
    female: bool
    title: str  # before the name on first mention: "Interior Minister", "agency spokeswoman"
    desc: str  # in apposition: "the interior minister"


def _person_name(rng: random.Random, culture: str, female: bool) -> tuple[str, str]:
    if culture == "vietnamese":
        male, fem, last = _NAME_POOLS[culture]
        given = rng.choice(fem if female else male)
        middle = "Thị" if female else rng.choice(("Văn", "Đức", "Minh", "Quốc", "Hữu"))
        return f"{rng.choice(last)} {middle} {given}", given
    male, fem, last = _NAME_POOLS[culture]
    first, surname = rng.choice(fem if female else male), rng.choice(last)
    if culture == "polish" and female and surname.endswith(("ski", "cki")):
        surname = surname[:-1] + "a"
    if culture == "korean":
        return f"{surname} {first}", surname
    return f"{first} {surname}", surname


# --------------------------------------------------------------------------------------------
# Places


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # in a sentence: "the Philippines"
    bare: str  # in a headline or a compound: "Philippines"
    adj: str
    culture: str
    head: str  # head of government: "President", "Prime Minister"
    office: str  # "the presidential palace"
    cities: tuple[tuple[str, str], ...]  # (city, population in words)
    regions: tuple[str, ...]
    currency: str
    rate: float  # per US dollar
    news: str  # the national news agency or broadcaster
    red_cross: str
    river: str
    alt: str = ""  # another name some outlets use


def _population(millions: float) -> str:
    if millions >= 1:
        return f"{millions:g} million"
    return f"{round(millions * 1000) * 1000:,}"


def _country(
    name: str,
    adj: str,
    culture: str,
    head: str,
    cities: str,
    regions: str,
    money: str,
    news: str,
    red_cross: str,
    river: str,
    alt: str = "",
) -> Country:
    bare = name.removeprefix("the ")
    parsed = tuple(
        (c.split(":")[0], _population(float(c.split(":")[1]))) for c in cities.split("|")
    )
    currency, rate = money.split(":")
    office = {
        "President": "the presidential palace",
        "Prime Minister": "the prime minister’s office",
        "Chancellor": "the chancellery",
    }[head]
    return Country(
        name, bare, adj, culture, head, office, parsed, tuple(regions.split("|")), currency,
        float(rate), news, red_cross, river, alt,
    )  # fmt: skip


COUNTRIES: tuple[Country, ...] = (
    _country("the Philippines", "Philippine", "filipino", "President",
             "Manila:1.8|Quezon City:2.9|Cebu:1|Davao:1.8|Tacloban:0.25|Iloilo:0.46",
             "Luzon|the Visayas|Mindanao|Leyte province|Batangas province|Cagayan Valley",
             "pesos:56", "the state-run Philippine News Agency", "the Philippine Red Cross",
             "Cagayan"),
    _country("Indonesia", "Indonesian", "indonesian", "President",
             "Jakarta:10.6|Surabaya:2.9|Bandung:2.5|Medan:2.4|Makassar:1.4|Semarang:1.6",
             "West Java|Central Java|Sulawesi|North Sumatra|East Nusa Tenggara|Banten",
             "rupiah:15700", "the state news agency Antara", "the Indonesian Red Cross",
             "Citarum"),
    _country("Nigeria", "Nigerian", "nigerian", "President",
             "Lagos:15.4|Abuja:3.6|Kano:4.1|Ibadan:3.6|Port Harcourt:3.2|Maiduguri:0.8",
             "Lagos State|Kano State|Borno State|Niger State|Kogi State|Rivers State",
             "naira:1500", "the News Agency of Nigeria", "the Nigerian Red Cross Society",
             "Niger"),
    _country("Peru", "Peruvian", "hispanic", "President",
             "Lima:10.9|Arequipa:1.1|Trujillo:0.9|Cusco:0.45|Piura:0.5|Chiclayo:0.6",
             "the Piura region|the Arequipa region|the Andes|Ica|the Lambayeque region",
             "soles:3.7", "the state news agency Andina", "the Peruvian Red Cross", "Rímac"),
    _country("Ukraine", "Ukrainian", "ukrainian", "President",
             "Kyiv:2.9|Kharkiv:1.4|Odesa:1|Lviv:0.7|Dnipro:0.95|Zaporizhzhia:0.7",
             "the Kharkiv region|the Odesa region|the Lviv region|the Dnipropetrovsk region",
             "hryvnias:41", "the Ukrinform news agency", "the Ukrainian Red Cross", "Dnipro"),
    _country("Turkey", "Turkish", "turkish", "President",
             "Ankara:5.7|Istanbul:15.7|İzmir:4.4|Gaziantep:2.1|Antakya:0.4|Adana:2.3",
             "Hatay province|Kahramanmaraş province|the Aegean coast|Malatya province|Anatolia",
             "lira:32", "the state-run Anadolu Agency", "the Turkish Red Crescent",
             "Kızılırmak", alt="Türkiye"),
    _country("Brazil", "Brazilian", "brazilian", "President",
             "São Paulo:12.3|Rio de Janeiro:6.7|Brasília:2.8|Porto Alegre:1.3|Recife:1.5",
             "Rio Grande do Sul state|Minas Gerais state|Bahia state|Pernambuco state",
             "reais:5.2", "the state news agency Agência Brasil", "the Brazilian Red Cross",
             "Taquari"),
    _country("Kenya", "Kenyan", "kenyan", "President",
             "Nairobi:4.4|Mombasa:1.2|Kisumu:0.6|Nakuru:0.6|Eldoret:0.5",
             "the Rift Valley|Tana River County|Kisumu County|the coast region",
             "shillings:130", "the Kenya News Agency", "the Kenya Red Cross", "Tana"),
    _country("India", "Indian", "indian", "Prime Minister",
             "New Delhi:32|Mumbai:21|Chennai:11|Kolkata:15|Bengaluru:13|Guwahati:1.1",
             "Assam|Kerala|Uttarakhand|Himachal Pradesh|Gujarat|Odisha",
             "rupees:83", "the Press Trust of India", "the Indian Red Cross Society", "Yamuna"),
    _country("Mexico", "Mexican", "hispanic", "President",
             "Mexico City:9.2|Guadalajara:5.3|Monterrey:5.3|Puebla:3.2|Acapulco:0.8",
             "Guerrero state|Oaxaca state|Chiapas|Veracruz|Tabasco",
             "pesos:17.5", "the broadcaster Milenio", "the Mexican Red Cross", "Grijalva"),
    _country("Japan", "Japanese", "japanese", "Prime Minister",
             "Tokyo:14|Osaka:2.7|Sapporo:1.9|Fukuoka:1.6|Kanazawa:0.46|Sendai:1.1",
             "Ishikawa prefecture|Hokkaido|Kyushu|Miyagi prefecture|the Noto peninsula",
             "yen:150", "public broadcaster NHK", "the Japanese Red Cross Society", "Kuma"),
    _country("Chile", "Chilean", "hispanic", "President",
             "Santiago:6.9|Valparaíso:0.3|Concepción:1|Viña del Mar:0.33|Temuco:0.3",
             "the Biobío region|the Valparaíso region|Atacama|Araucanía",
             "pesos:950", "the broadcaster TVN", "the Chilean Red Cross", "Biobío"),
    _country("Colombia", "Colombian", "hispanic", "President",
             "Bogotá:7.9|Medellín:2.6|Cali:2.2|Barranquilla:1.3|Cartagena:1",
             "Antioquia|the Chocó department|Cauca|La Guajira",
             "pesos:4000", "the broadcaster Caracol", "the Colombian Red Cross", "Magdalena"),
    _country("Egypt", "Egyptian", "arabic", "President",
             "Cairo:10|Alexandria:5.4|Giza:4.4|Aswan:0.3|Port Said:0.75",
             "the Nile Delta|Upper Egypt|the Sinai Peninsula|Kafr el-Sheikh province",
             "pounds:48", "the state news agency MENA", "the Egyptian Red Crescent", "Nile"),
    _country("Vietnam", "Vietnamese", "vietnamese", "Prime Minister",
             "Hanoi:8.4|Ho Chi Minh City:9.3|Da Nang:1.2|Haiphong:2.1|Huế:0.65",
             "the Mekong Delta|Quảng Ninh province|the Central Highlands|Lào Cai province",
             "dong:25000", "the Vietnam News Agency", "the Vietnam Red Cross", "Red"),
    _country("Pakistan", "Pakistani", "pakistani", "Prime Minister",
             "Karachi:17|Lahore:13|Islamabad:1.2|Peshawar:2.3|Quetta:1.1|Hyderabad:1.9",
             "Sindh province|Punjab province|Khyber Pakhtunkhwa|Balochistan",
             "rupees:280", "the state-run Associated Press of Pakistan",
             "the Pakistan Red Crescent", "Indus"),
    _country("Greece", "Greek", "greek", "Prime Minister",
             "Athens:3.2|Thessaloniki:1|Patras:0.2|Larissa:0.15|Volos:0.14",
             "Attica|Thessaly|the island of Evia|Crete|the Peloponnese",
             "euros:0.92", "public broadcaster ERT", "the Hellenic Red Cross", "Pinios"),
    _country("France", "French", "french", "President",
             "Paris:2.1|Marseille:0.87|Lyon:0.52|Toulouse:0.5|Nice:0.34|Bordeaux:0.26",
             "Provence|Brittany|the Gironde|Normandy|Occitanie",
             "euros:0.92", "the broadcaster BFMTV", "the French Red Cross", "Loire"),
    _country("Germany", "German", "german", "Chancellor",
             "Berlin:3.7|Hamburg:1.9|Munich:1.5|Cologne:1.1|Frankfurt:0.77|Leipzig:0.6",
             "Bavaria|North Rhine-Westphalia|Saxony|Rhineland-Palatinate",
             "euros:0.92", "the dpa news agency", "the German Red Cross", "Ahr"),
    _country("South Africa", "South African", "southafrican", "President",
             "Johannesburg:6|Cape Town:4.8|Durban:3.9|Pretoria:2.9|Gqeberha:1.2",
             "KwaZulu-Natal|the Eastern Cape|Gauteng|the Western Cape",
             "rand:18.5", "public broadcaster SABC", "the South African Red Cross Society",
             "Umgeni"),
    _country("Poland", "Polish", "polish", "Prime Minister",
             "Warsaw:1.9|Kraków:0.8|Wrocław:0.67|Gdańsk:0.47|Łódź:0.66",
             "Lower Silesia|Silesia|Pomerania|Mazovia",
             "zlotys:4", "the PAP news agency", "the Polish Red Cross", "Oder"),
    _country("Bangladesh", "Bangladeshi", "bangladeshi", "Prime Minister",
             "Dhaka:23|Chittagong:5.3|Khulna:1|Sylhet:0.7|Rajshahi:0.9",
             "Sylhet division|the Sundarbans|Cox’s Bazar|Sunamganj district",
             "taka:110", "the state-run BSS news agency", "the Bangladesh Red Crescent Society",
             "Jamuna"),
    _country("South Korea", "South Korean", "korean", "President",
             "Seoul:9.4|Busan:3.3|Incheon:3|Daegu:2.4|Gwangju:1.4",
             "North Gyeongsang province|South Chungcheong province|Gangwon province|Jeju island",
             "won:1350", "the Yonhap news agency", "the Korean Red Cross", "Han"),
)  # fmt: skip
_FOREIGN = (
    "Japan", "Germany", "France", "Canada", "Australia", "South Korea", "China", "India",
    "Norway", "Brazil", "Indonesia", "Italy", "Spain", "Qatar", "Singapore", "Mexico",
)  # fmt: skip
_DIRECTIONS = ("northern", "southern", "eastern", "western", "central", "northwestern",
               "southeastern", "northeastern", "southwestern")  # fmt: skip
_COMPASS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")

# --------------------------------------------------------------------------------------------
# Sources


@dataclass(frozen=True, slots=True)
class Source:
    slug: str
    name: str
    wire: str = ""  # the tag of a wire dateline: "Reuters", "AP", "AFP"
    us: bool = False  # American spelling
    units: str = "km"  # "km", "km_mi", "mi_km", "mi"
    pct: str = "%"
    dates: tuple[int, ...] = (0,)
    curly: bool = True
    title_case: bool = False
    byline: float = 0.5
    hedgy: float = 0.6
    money: str = "$"
    home: str = ""  # a local outlet only covers its own country
    lag: float = 1.0


SOURCES: tuple[Source, ...] = (
    Source("reuters", "Reuters", wire="Reuters", us=True, units="km_mi", dates=(0, 3, 7),
           byline=0.6, hedgy=0.8),
    Source("ap", "The Associated Press", wire="AP", us=True, units="mi_km", pct=" percent",
           dates=(1, 5), byline=0.7, hedgy=0.7, title_case=True),
    Source("afp", "AFP", wire="AFP", units="km", pct=" percent", dates=(0, 6), byline=0.2,
           hedgy=0.7),
    Source("bbc", "BBC News", units="km_mi", dates=(6, 0), byline=0.5, hedgy=0.5, lag=1.3),
    Source("guardian", "The Guardian", units="km_mi", dates=(4,), byline=0.9, hedgy=0.5,
           lag=1.5),
    Source("aljazeera", "Al Jazeera", units="km_mi", pct=" percent", dates=(6,), byline=0.3,
           hedgy=0.6),
    Source("nyt", "The New York Times", us=True, units="mi", pct=" percent", dates=(1, 5),
           byline=0.95, hedgy=0.5, title_case=True, lag=1.6),
    Source("cnn", "CNN", us=True, units="mi_km", dates=(5, 2), byline=0.8, hedgy=0.6),
    Source("dw", "DW", units="km", pct=" percent", dates=(8, 0), byline=0.4, hedgy=0.6),
    Source("france24", "France 24", units="km", pct=" percent", dates=(0,), byline=0.3,
           hedgy=0.6),
    Source("bloomberg", "Bloomberg", us=True, units="km_mi", dates=(2, 3), byline=0.9,
           hedgy=0.4, title_case=True),
    Source("ft", "Financial Times", units="km", pct=" per cent", dates=(4, 0), byline=0.9,
           hedgy=0.4, lag=1.8),
    Source("scmp", "South China Morning Post", units="km", pct=" per cent", dates=(7,),
           byline=0.8, hedgy=0.5, money="US$"),
    Source("straitstimes", "The Straits Times", units="km", pct=" per cent", dates=(0, 7),
           byline=0.6, hedgy=0.5, money="US$"),
    Source("abc", "ABC News", units="km", pct=" per cent", dates=(0, 2), byline=0.5,
           hedgy=0.6, curly=False),
    Source("cbc", "CBC News", us=True, units="km", pct=" percent", dates=(5,), byline=0.6,
           hedgy=0.6),
    Source("npr", "NPR", us=True, units="mi", pct=" percent", dates=(1,), byline=0.9,
           hedgy=0.5, lag=1.4),
    Source("euronews", "Euronews", units="km", dates=(8, 3), byline=0.4, hedgy=0.6,
           curly=False),
    Source("inquirer", "Philippine Daily Inquirer", units="km", pct=" percent", dates=(2,),
           byline=0.8, hedgy=0.4, home="Philippines", curly=False),
    Source("rappler", "Rappler", units="km", pct=" percent", dates=(1, 2), byline=0.7,
           home="Philippines"),
    Source("jakartapost", "The Jakarta Post", units="km", pct=" percent", dates=(0,),
           byline=0.6, home="Indonesia"),
    Source("punch", "Punch", units="km", pct=" per cent", dates=(5,), byline=0.9, hedgy=0.4,
           home="Nigeria", curly=False),
    Source("premiumtimes", "Premium Times", units="km", pct=" per cent", dates=(1,),
           byline=0.8, home="Nigeria"),
    Source("kyivindependent", "The Kyiv Independent", units="km", dates=(1,), byline=0.9,
           home="Ukraine"),
    Source("hurriyet", "Hürriyet Daily News", units="km", pct=" percent", dates=(8,),
           byline=0.3, home="Turkey"),
    Source("dailysabah", "Daily Sabah", units="km", pct=" percent", dates=(0,), byline=0.5,
           home="Turkey"),
    Source("folha", "Folha de S.Paulo", units="km", pct="%", dates=(8,), byline=0.7,
           home="Brazil"),
    Source("nation", "Daily Nation", units="km", pct=" percent", dates=(0,), byline=0.8,
           home="Kenya"),
    Source("thehindu", "The Hindu", units="km", pct=" per cent", dates=(2, 5), byline=0.6,
           home="India"),
    Source("japantimes", "The Japan Times", units="km", pct="%", dates=(3,), byline=0.6,
           home="Japan"),
    Source("koreaherald", "The Korea Herald", units="km", pct=" percent", dates=(3,),
           byline=0.8, home="South Korea"),
    Source("dawn", "Dawn", units="km", pct=" per cent", dates=(0,), byline=0.4, home="Pakistan",
           curly=False),
    Source("dailystar", "The Daily Star", units="km", pct=" percent", dates=(1,), byline=0.5,
           home="Bangladesh"),
    Source("news24", "News24", units="km", pct="%", dates=(0, 2), byline=0.8,
           home="South Africa"),
    Source("kathimerini", "Kathimerini", units="km", pct="%", dates=(8,), byline=0.4,
           home="Greece"),
    Source("lemonde", "Le Monde", units="km", pct="%", dates=(0,), byline=0.9, home="France"),
    Source("spiegel", "Der Spiegel", units="km", pct=" percent", dates=(8,), byline=0.9,
           home="Germany"),
    Source("notesfrompoland", "Notes from Poland", units="km", pct="%", dates=(0,),
           byline=0.9, home="Poland"),
    Source("mexiconewsdaily", "Mexico News Daily", us=True, units="km", pct="%", dates=(1,),
           byline=0.8, home="Mexico"),
    Source("ahram", "Ahram Online", units="km", pct=" percent", dates=(0,), byline=0.3,
           home="Egypt"),
    Source("vnexpress", "VnExpress International", units="km", pct="%", dates=(2,),
           byline=0.5, home="Vietnam"),
    Source("mercopress", "MercoPress", units="km", pct="%", dates=(1,), byline=0.2,
           home="Chile"),
    Source("peruvian", "Peru Reports", us=True, units="km", pct="%", dates=(1,), byline=0.6,
           home="Peru"),
    Source("colombiareports", "Colombia Reports", us=True, units="km", pct="%", dates=(1,),
           byline=0.7, home="Colombia"),
)  # fmt: skip
_GLOBAL_SOURCES = tuple(s for s in SOURCES if not s.home)

# --------------------------------------------------------------------------------------------
# Organisations


@dataclass(slots=True)
class Org:
    full: str  # "National Disaster Management Agency"
    acr: str  # "NDMA", or "" when the name is never shortened
    short: str  # on later mentions without an acronym: "the agency", "Meridian"
    the: bool = True  # "the National ..." but "Amnesty International"


_SKIP_IN_ACRONYM = frozenset(("of", "and", "for", "the", "de", "on", "in"))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SKIP_IN_ACRONYM)


def _org(name: str, short: str, *, acr: bool = True, the: bool = True) -> Org:
    return Org(name, _acronym(name) if acr else "", short, the)


_COMPANY_PREFIXES = (
    "Meridian Andes Pacifica Helios Atlas Orion Nordhafen Sunbelt Kestrel Baobab Lotus "
    "Cordillera Harbourline Everest Tigris Aurora Vantage Granite Sable Coral Summit Mosaic "
    "Zenith Equator Monsoon Savanna Halcyon Lodestar Marlin Corvid Tessera Altamira"
).split()
_COMPANY_SUFFIXES = "Group Holdings Corporation Industries Ltd PLC SA Inc AG".split()
_SECTORS = (
    # (sector in a sentence, word in a company name, the people who work in it)
    ("logistics", "Logistics", "port workers"),
    ("telecoms", "Telecom", "telecoms engineers"),
    ("cement", "Cement", "factory workers"),
    ("steel", "Steel", "steelworkers"),
    ("food", "Foods", "food-processing workers"),
    ("banking", "Bank", "bank employees"),
    ("retail", "Retail", "shop workers"),
    ("airline", "Airways", "cabin crew and pilots"),
    ("mining", "Mining", "miners"),
    ("energy", "Energy", "oil workers"),
    ("chemicals", "Chemicals", "chemical plant workers"),
    ("textile", "Textiles", "garment workers"),
)
_INVESTOR_ADJ = ("Gulf", "Singaporean", "US", "Canadian", "Japanese", "Norwegian", "Chinese")
_BANKS = ("Goldman Sachs", "Morgan Stanley", "JPMorgan", "Citi", "HSBC", "Barclays", "UBS",
          "BNP Paribas", "Nomura", "Standard Chartered")  # fmt: skip
_UNIVERSITIES = ("the University of {city}", "{city} State University", "the National University",
                 "the Institute of Technology in {city}")  # fmt: skip


# --------------------------------------------------------------------------------------------
# Events

_Statics = Callable[[random.Random, dict[str, str]], None]
_Derive = Callable[[dict[str, float]], None]


@dataclass(slots=True)
class EventSpec:
    kind: str
    noun: str  # "earthquake": "the deadliest {noun} since ..."
    evs: str  # plural: "earthquakes"
    nouns: tuple[str, ...]  # "the earthquake", "the quake", ...
    countries: tuple[str, ...]  # where it can happen ("" = anywhere)
    figures: dict[str, tuple[str, float, float]]
    running: dict[str, tuple[str, float, float, float, float]]
    headline: tuple[str, ...]
    lead: tuple[str, ...]
    detail: tuple[str, ...]
    impact: tuple[str, ...]
    response: tuple[str, ...]
    context: tuple[str, ...]
    reaction: tuple[str, ...]
    outlook: tuple[str, ...]
    unique: tuple[str, ...]
    q_official: tuple[str, ...]
    q_witness: tuple[str, ...]
    q_expert: tuple[str, ...]
    q_lead: tuple[str, ...] = ()
    q_rival: tuple[str, ...] = ()
    q_aid: tuple[str, ...] = ()
    attrs: tuple[str, ...] = ()
    roles: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    orgs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    occupations: tuple[str, ...] = ()
    statics: _Statics | None = None
    derive: _Derive | None = None


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# Pools shared by the disasters ---------------------------------------------------------------

_DIS_FIGURES: dict[str, tuple[str, float, float]] = {
    "injured": ("count", 40, 2500),
    "displaced": ("count", 2000, 250000),
    "shelters": ("count", 12, 400),
    "households": ("count", 4000, 800000),
    "roads": ("count", 6, 120),
    "hospitals": ("count", 3, 40),
    "damage": ("money", 2e7, 4e9),
    "rebuild": ("money", 5e8, 2e10),
    "rescuers": ("count", 300, 12000),
    "aircraft": ("count", 4, 45),
    "aid_money": ("money", 2e6, 2e8),
    "kits": ("count", 2000, 60000),
    "meals": ("count", 5000, 200000),
    "hist_toll": ("count", 200, 20000),
    "eu_aid": ("eur", 5e5, 8e6),
    "fund": ("money", 1e5, 3e6),
    "weeks": ("num", 2, 8),
}
_DIS_ATTRS = _lines("""
, officials said
, according to {agency}
, according to {red_cross}
, {news} reported, citing police
, police said
, the health ministry said
, local officials told {outlet}
, according to a government tally
, {official} said
, state media reported
, the civil defence agency said
, according to a count by {outlet}
""")
_DIS_IMPACT = _lines("""
{displaced} people have fled their homes, and many spent the night in schools, sports halls and tents put up by the army{attr}.
{shelters} evacuation centres were open across {region}, {agency} said, though many were already full.
Power was cut to {households} households in {region}, and {roads} roads were closed by debris{attr}.
The health ministry said {hospitals} hospitals in {region} were treating the injured, and several had run short of blood and painkillers.
Schools in {city} and {city2} will stay closed until further notice, the education ministry said.
Initial estimates of the damage ran to {damage}, though officials cautioned that the figure was likely to rise.
Telephone and internet services were down across much of {region}, making it hard to reach outlying villages.
Aerial footage broadcast by {news} showed {scene}.
Long queues formed outside the few shops still open in {city2}, where residents said the prices of bottled water and fuel had doubled.
Farmers in {region} said they had lost livestock and stores of seed, raising fears of food shortages in the coming months.
The main highway between {city} and {city2} was cut in several places, leaving convoys of aid trucks stuck for hours.
In {city2}, families queued for hours for drinking water handed out from army tankers, {news} reported.
""")
_DIS_RESPONSE = _lines("""
{agency} said it had deployed {rescuers} rescuers, along with sniffer dogs and heavy lifting equipment, to the worst-hit areas.
The military sent {aircraft} helicopters and transport planes to carry food, water and medicine to {region}{attr}.
{official} flew to {city2} {day} to oversee the relief effort and promised {aid_money} in emergency funds.
{leader} declared a state of emergency in {region} and ordered ministries to speed up the delivery of aid.
{red_cross} said its volunteers had handed out {kits} hygiene kits and {meals} hot meals since the disaster began.
The government appealed for blood donations, and long queues formed outside hospitals in {city}.
Volunteers in {city} collected clothes, blankets and bottled water at churches, mosques and town halls, local media reported.
{official} said the government had released {aid_money} from a disaster fund and would send more if needed.
Soldiers and police were deployed to guard shops and petrol stations after reports of looting in {city2}.
{aid} said the organisation was sending {kits} emergency kits and a team of doctors to {region}.
Rescue teams from {foreign} and {foreign2} arrived in {city} {day}, {agency} said.
{mayor} said the city had opened its sports stadium to families whose homes were unsafe.
""")
_DIS_CONTEXT = _lines("""
{country} is regularly hit by {evs}, but officials said the scale of the damage in {region} was unusual.
It is the deadliest {noun} to hit {country} since {hist_year}, when {hist_toll} people were killed.
{city}, home to about {city_pop} people, has grown rapidly in recent decades, much of it through informal housing.
The government has faced criticism over its handling of a previous disaster {ref_date}, when aid took days to reach remote areas.
Critics say years of underinvestment in {region} left local authorities poorly prepared for an emergency on this scale.
The disaster — the worst in {region} in a generation — has renewed questions about how prepared the country is for extreme events.
{expert_name}, {expert_desc}, said warning systems had improved since {hist_year} but that many rural communities were still not covered.
Opposition lawmakers called for an inquiry into why {ev} caused so many deaths in {city2}.
Insurance coverage in {country} is low, and most families who lost their homes are unlikely to be compensated, analysts say.
A report by {agency} published {ref_date} had warned that {region} was among the most vulnerable areas in the country.
""")
_DIS_REACTION = _lines("""
{foreign}’s foreign ministry offered condolences and said it was ready to send help.
The European Union said it was releasing {eu_aid} in humanitarian aid and had activated its satellite mapping service.
UN Secretary-General António Guterres said he was “deeply saddened” by the loss of life and that the United Nations stood ready to help.
Leaders of neighbouring countries sent messages of condolence, and {foreign} offered to send a search and rescue team.
The World Health Organization said it was sending medical supplies and trauma kits to hospitals in {region}.
The World Bank said it was in talks with the government about emergency financing for {region}.
Messages of sympathy poured in on social media, and a fundraising campaign started by a {country_adj} singer raised {fund} in a day.
""")
_DIS_OUTLOOK = _lines("""
Officials said the search for survivors would continue {next_rel}, although hopes were fading.
{official} said a full assessment of the damage would take {weeks} weeks.
Forecasters warned of more bad weather {next_rel}, which could hamper the relief effort.
Parliament is due to debate an emergency budget {next_date}.
{leader} is expected to visit the affected areas {soon}, {office} said.
Aid agencies warned that the risk of disease was rising in crowded shelters, where clean water and toilets were in short supply.
The government said reconstruction would cost {rebuild}, a sum that would strain an already stretched budget.
{agency} said it would publish an updated casualty figure {soon}.
""")
_DIS_Q_AID = _lines("""
The needs are enormous: shelter, clean water and medical care for people who have lost everything
Our volunteers are working day and night, but we cannot do this alone
We are particularly worried about children and the elderly, who are most at risk in the shelters
What families need most right now is clean water, food and a dry place to sleep
""")
_DIS_Q_OFFICIAL = _lines("""
Our priority now is to reach every family that has been cut off
We are doing everything we can, and we will not stop until everyone is accounted for
The government will help every family rebuild, no matter how long it takes
We ask people to stay calm and to follow the instructions of the local authorities
Relief goods are on their way, and we are opening more evacuation centres every hour
Nobody will be left behind
""")
_DIS_OCCUPATIONS = (
    "shopkeeper", "teacher", "street vendor", "fisherman", "nurse", "taxi driver", "farmer",
    "student", "mechanic", "retired civil servant", "market trader", "mother of three",
)  # fmt: skip
_DIS_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "spokes": (
        ("disaster agency SP", "a SP for the disaster agency"),
        ("civil defence SP", "a SP for the civil defence agency"),
        ("police SP", "a police SP"),
    ),
    "aid": (
        ("Red Cross official", "an official with the Red Cross"),
        ("Red Cross secretary-general", "the secretary-general of the national Red Cross"),
        ("UN humanitarian coordinator", "the UN humanitarian coordinator in the country"),
    ),
}
_DIS_AGENCY = (
    ("National Disaster Management Agency", "the agency"),
    ("National Disaster Risk Reduction Council", "the council"),
    ("National Emergency Management Authority", "the authority"),
    ("Civil Protection and Emergency Agency", "the agency"),
    ("National Disaster Response Office", "the office"),
    ("Disaster and Emergency Coordination Agency", "the agency"),
)


def _disaster(*, shared_pools: bool = True, **kw: object) -> EventSpec:
    """An EventSpec with the shared disaster pools (or only the quotes) added to its own."""
    figures = {**_DIS_FIGURES, **kw.pop("figures")}  # type: ignore[dict-item]
    for pool, shared in (
        ("impact", _DIS_IMPACT),
        ("response", _DIS_RESPONSE),
        ("context", _DIS_CONTEXT),
        ("reaction", _DIS_REACTION),
        ("outlook", _DIS_OUTLOOK),
        ("q_official", _DIS_Q_OFFICIAL),
    ):
        if shared_pools or pool == "q_official":
            kw[pool] = tuple(kw.get(pool, ())) + shared  # type: ignore[operator]
    kw.setdefault("q_aid", _DIS_Q_AID)
    kw.setdefault("attrs", _DIS_ATTRS)
    kw.setdefault("occupations", _DIS_OCCUPATIONS)
    roles = dict(_DIS_ROLES)
    roles.update(kw.pop("roles", {}))  # type: ignore[arg-type]
    orgs = {"agency": _DIS_AGENCY}
    orgs.update(kw.pop("orgs", {}))  # type: ignore[arg-type]
    return EventSpec(figures=figures, roles=roles, orgs=orgs, **kw)  # type: ignore[arg-type]


_OFFICIALS_DISASTER = (
    ("Interior Minister", "the interior minister"),
    ("Home Affairs Minister", "the home affairs minister"),
    ("Deputy Prime Minister", "the deputy prime minister"),
    ("Civil Defence Minister", "the civil defence minister"),
)


def _quake_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "rows of flattened houses and cars crushed under slabs of concrete",
            "collapsed apartment blocks and rescuers forming human chains to clear rubble",
            "a church tower that had toppled onto a market square",
            "cracked roads and a bridge that had partly fallen into a river",
        )
    )


def _flood_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "entire neighbourhoods under brown water, with only rooftops visible",
            "people wading chest-deep through flooded streets carrying children and belongings",
            "cars and uprooted trees piled against a bridge",
            "a river that had burst its banks and swallowed fields and villages",
        )
    )


def _fire_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "hillsides blackened for kilometres and columns of smoke drifting over the sea",
            "burnt-out cars abandoned on a highway and houses reduced to ash",
            "water-bombing planes swooping over a ridge as flames reached the first houses",
            "a wall of flames moving through pine forest towards a village",
        )
    )


def _ferry_statics(rng: random.Random, s: dict[str, str]) -> None:
    prefix = "KM" if s["country_bare"] == "Indonesia" else "MV"
    name = rng.choice(
        ("Lady Mary Joy", "Sinar Bangun", "Star Princess", "Ocean Pearl", "Golden Dawn",
         "Sea Spirit", "Mercy Grace", "Blue Horizon", "Island Queen", "Harbour Star")
    )  # fmt: skip
    s["ship"] = f"{prefix} {name} {rng.choice(('II', 'III', 'IV', '3', '5', '7'))}"
    s["scene"] = rng.choice(
        (
            "the upturned hull of the ferry drifting in grey water",
            "coast guard boats circling debris and life jackets in the water",
            "relatives waiting on the pier wrapped in blankets",
        )
    )


def _blast_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["plant"] = rng.choice(
        ("chemical plant", "fireworks factory", "fuel depot", "fertiliser warehouse",
         "textile factory", "gas storage facility")
    )  # fmt: skip
    s["scene"] = rng.choice(
        (
            "a huge plume of black smoke rising over the industrial zone",
            "twisted metal and the burnt-out shells of buildings around a crater",
            "shattered windows and debris scattered for hundreds of metres",
        )
    )


def _ferry_derive(v: dict[str, float]) -> None:
    v["toll"] = min(v["toll"], v["passengers"] * 0.5)
    v["rescued"] = min(v["rescued"], v["passengers"] - v["toll"])
    v["missing"] = max(0.0, v["passengers"] - v["rescued"] - v["toll"])
    v["capacity"] = max(10.0, round(v["passengers"] * 0.6, -1))


EARTHQUAKE = _disaster(
    kind="earthquake",
    noun="earthquake",
    evs="earthquakes",
    nouns=("the earthquake", "the quake", "the tremor", "the disaster"),
    countries=tuple(
        "Turkey|Japan|Indonesia|Philippines|Peru|Chile|Mexico|Pakistan|Greece|Colombia".split("|")
    ),
    figures={
        "magnitude": ("dec", 5.4, 7.8),
        "depth": ("km", 6, 70),
        "distance": ("km", 8, 90),
        "buildings": ("count", 40, 4000),
        "aftershocks": ("count", 12, 300),
        "aftershock_mag": ("dec", 4.1, 5.6),
        "floors": ("num", 4, 12),
        "child_age": ("num", 2, 11),
        "rescue_hours": ("num", 20, 70),
        "dam_evac": ("count", 2000, 40000),
        "far_distance": ("km", 150, 600),
    },
    running={"toll": ("count", 6, 80, 1.4, 4.5)},
    headline=_lines("""
Magnitude {magnitude} earthquake kills {toll} people in {area}
Death toll from {country_bare} earthquake rises to {toll_num}
Strong quake hits {region}, killing {toll} people
Rescuers search rubble after deadly quake in {area}
{country_bare} quake: {toll_num} dead as rescuers dig through the night
Powerful earthquake rocks {area}; {toll} people killed
"""),
    lead=_lines("""
A magnitude {magnitude} earthquake struck {area} {day}, killing {toll} people and flattening buildings across {region}{toll_attr}.
{toll} people were killed when a powerful earthquake struck {area} {day}{toll_attr}.
A strong earthquake shook {region} {day}, bringing down homes and killing {toll} people{toll_attr}.
Rescuers in {area} dug through rubble {day} after a strong earthquake killed {toll} people{toll_attr}.
The death toll from a magnitude {magnitude} earthquake in {area} rose to {toll_num} {day}{toll_attr}, as rescuers searched collapsed buildings for survivors.
"""),
    detail=_lines("""
The quake struck at a depth of {depth}, with its epicentre {distance} {compass} of {city}, according to {org2}.
{org2} put the magnitude at {magnitude}, while {org3} measured it at {magnitude_alt}.
{injured} people were injured, and {buildings} buildings collapsed or were badly damaged{attr}.
{aftershocks} aftershocks followed, the strongest measuring {aftershock_mag}{attr}.
The death toll rose to {toll_num}{toll_attr}, up from {toll_prev} {prev_time}.
Most of the victims were in {city2}, where a {floors}-storey apartment block collapsed.
Cracks opened in roads, and a bridge on the highway between {city} and {city2} partly collapsed.
The tremor was felt in {city} for almost a minute, sending residents running into the streets in their nightclothes.
The shaking lasted 30–40 seconds, residents said, and was followed by a second, weaker jolt.
Seismologists said aftershocks of magnitude 5–6 were possible in the coming weeks.
Of the dead, many were killed in their sleep when the walls of older brick houses gave way, {mayor} said.
"""),
    impact=_lines("""
{buildings} buildings were destroyed or damaged, and engineers were inspecting hundreds more{attr}.
Hundreds of families in {city2} spent the night outdoors, afraid to return to cracked homes as aftershocks rattled the region.
"""),
    response=_lines("""
Rescuers worked through the night under floodlights, in places digging with their bare hands where machinery could not reach.
Excavators cleared the rubble of a collapsed market in {city2}, where dozens of people were believed to be trapped.
"""),
    context=_lines("""
{country} sits on several major fault lines and is among the most earthquake-prone countries in the world.
Experts have long warned that poorly enforced building codes leave millions of people in {country} vulnerable.
"""),
    reaction=(),
    outlook=_lines("""
Seismologists warned that strong aftershocks could continue for weeks and urged people to stay out of damaged buildings.
"""),
    unique=_lines("""
A {child_age}-year-old girl was pulled alive from the rubble of a collapsed house in {city2} after {rescue_hours} hours, local television showed.
Officials said a dam near {city2} had developed cracks and ordered {dam_evac} people living downstream to leave as a precaution.
The quake was felt as far away as {city3}, {far_distance} from the epicentre, where office workers ran into the streets.
Flights at {city} airport were suspended for several hours while engineers checked the runway for cracks.
A prison wall collapsed in {city2} and at least 20 inmates escaped in the confusion, the justice ministry said.
"""),
    q_official=_lines("""
Every minute counts, and our teams are working around the clock to reach people under the rubble
There are still areas we have not been able to reach because the roads are blocked
We ask people not to return to damaged buildings until engineers have inspected them
We have never seen destruction on this scale in {region}
"""),
    q_witness=_lines("""
The ground shook for almost a minute. We ran outside with the children and watched the building next door come down
I heard people screaming under the concrete, but we had nothing to dig with
Everything we own is under there
We are sleeping in the car because we are afraid of the aftershocks
My brother is still under the rubble. Nobody has come to help us
It sounded like a train coming through the house
"""),
    q_expert=_lines("""
This is a region where the plates are under enormous strain, and a quake of this size was a question of when, not if
Aftershocks of magnitude 5 or more are possible for weeks, and damaged buildings can collapse in them
The buildings that fell were mostly built before the current codes, or built without respecting them
"""),
    roles={
        "official": _OFFICIALS_DISASTER,
        "expert": (
            ("seismologist", "a seismologist at {university}"),
            ("geophysicist", "a geophysicist at {university}"),
            ("Professor", "an earthquake engineer at {university}"),
        ),
    },
    orgs={
        "org2": (
            ("National Seismological Service", "the seismological service"),
            ("Institute of Geophysics", "the institute"),
            ("Meteorology, Climatology and Geophysics Agency", "the agency"),
            ("Earthquake Research Centre", "the centre"),
        ),
        "org3": (
            ("US Geological Survey", "the survey"),
            ("European-Mediterranean Seismological Centre", "the centre"),
            ("GFZ German Research Centre for Geosciences", "the GFZ"),
        ),
    },
    statics=_quake_statics,
)

FLOOD = _disaster(
    kind="flood",
    noun="flood",
    evs="floods and landslides",
    nouns=("the floods", "the flooding", "the disaster", "days of torrential rain"),
    countries=tuple(
        (
            "Philippines|Indonesia|Nigeria|Brazil|Kenya|India|Pakistan|Bangladesh|Vietnam|"
            "Germany|South Africa|Poland|Peru|Colombia|Greece|France|South Korea|Mexico"
        ).split("|")
    ),
    figures={
        "rain": ("mm", 150, 600),
        "river_level": ("m", 2.5, 9.5),
        "homes": ("count", 1000, 80000),
        "farmland": ("ha", 2000, 200000),
        "missing": ("count", 5, 90),
        "bus_passengers": ("num", 12, 48),
        "inmates": ("count", 100, 1500),
        "hours_rain": ("num", 12, 72),
    },
    running={"toll": ("count", 5, 60, 1.5, 4.0)},
    headline=_lines("""
Floods kill {toll} people in {area} as rivers burst their banks
Death toll from {country_bare} floods climbs to {toll_num}
{toll} people dead, thousands displaced as floods hit {region}
Flash floods sweep through {region}, killing {toll} people
Rescuers use boats to reach stranded families as floods swamp {city2}
"""),
    lead=_lines("""
Flash floods and landslides triggered by torrential rain killed {toll} people in {area} and left {missing} others missing{toll_attr}.
{toll} people have died in floods that swept through {region} {day}{toll_attr}, as rivers burst their banks and swamped entire villages.
Floodwaters submerged large parts of {city2} {day}, killing {toll} people and forcing {displaced} people from their homes{toll_attr}.
The death toll from floods in {area} rose to {toll_num} {day}{toll_attr}, as rescuers in boats searched for people trapped on rooftops.
"""),
    detail=_lines("""
{rain} of rain fell in {hours_rain} hours in parts of {region}, {org2} said, the heaviest since records began.
The {river} River rose {river_level} above its normal level, flooding low-lying districts of {city2}.
{homes} homes were submerged and {farmland} of farmland was under water{attr}.
{missing} people were still missing, many of them swept away when a riverbank gave way{attr}.
The death toll rose to {toll_num}{toll_attr}, up from {toll_prev} {prev_time}.
{injured} people were injured, most of them by collapsing walls and debris carried by the water{attr}.
Landslides buried several houses on the hillsides above {city2}, where rescuers were searching with shovels.
Heavy rain had been falling on {region} since last week, saturating the ground before the worst of the storm arrived.
Forecasters expect a further 50–100 mm of rain in the hills above {city2} over the next two days.
"""),
    impact=_lines("""
In {city2}, water reached the second floor of some buildings, and residents were rescued from rooftops by boat.
Entire harvests were lost across {region}, the agriculture ministry said, warning of rising food prices.
"""),
    response=_lines("""
Soldiers in rubber boats ferried stranded families to dry land, while helicopters dropped food parcels to villages cut off by the water.
"""),
    context=_lines("""
Scientists say climate change is making extreme rainfall more frequent and more intense in {country}.
Environmental groups blamed deforestation in the hills above {city2} for making the flash floods worse.
"""),
    reaction=(),
    outlook=_lines("""
Forecasters warned that more heavy rain was expected over {region} {next_rel}, raising the risk of further landslides.
Officials told people living along the {river} River to move to higher ground as water levels continued to rise.
"""),
    unique=_lines("""
A dam upstream of {city2} was opened to release water, which residents blamed for the sudden rise of the river.
Footage showed a bus stranded on a bridge in {city2} as water swirled around its wheels; all {bus_passengers} passengers were rescued by boat.
Prison authorities in {city2} moved {inmates} inmates to higher ground after water entered the jail.
A newborn baby was rescued from a flooded maternity ward in {city2} and carried to safety in a plastic basin, hospital staff said.
"""),
    q_official=_lines("""
We are asking everyone in low-lying areas to move to higher ground now, not tomorrow
Our boats are reaching families on rooftops, but there are many we have not reached yet
The water came faster than anyone expected
The rain is not over, and we must prepare for the worst
"""),
    q_witness=_lines("""
The water rose to the ceiling in less than an hour
We climbed onto the roof and waited there all night
We lost the rice harvest, everything
Nobody warned us. The siren never sounded
I grabbed the children and left everything else behind
The river has never come this far, not in my lifetime
"""),
    q_expert=_lines("""
Rainfall like this used to happen once in a century; now we see it every few years
The drainage system in {city} was built for a much smaller city and much lighter rain
When the hills lose their forest cover, the water comes down all at once
"""),
    roles={
        "official": _OFFICIALS_DISASTER,
        "expert": (
            ("climate scientist", "a climate scientist at {university}"),
            ("hydrologist", "a hydrologist at {university}"),
            ("urban planner", "an urban planning expert at {university}"),
        ),
    },
    orgs={
        "org2": (
            ("National Meteorological Agency", "the weather agency"),
            ("Weather Service", "the weather service"),
            ("Meteorological and Hydrological Institute", "the institute"),
        ),
    },
    statics=_flood_statics,
)

WILDFIRE = _disaster(
    kind="wildfire",
    noun="wildfire",
    evs="wildfires",
    nouns=("the fires", "the wildfires", "the blaze", "the disaster"),
    countries=tuple(
        "Greece|Chile|Turkey|France|Brazil|South Africa|South Korea|Mexico|Kenya".split("|")
    ),
    figures={
        "homes": ("count", 50, 3000),
        "evacuated": ("count", 2000, 120000),
        "firefighters": ("count", 300, 4000),
        "water_planes": ("count", 5, 40),
        "wind": ("kmh", 50, 110),
        "heat": ("temp", 38, 46),
        "fronts": ("num", 3, 12),
        "suspect_age": ("num", 19, 67),
    },
    running={"toll": ("count", 2, 20, 1.2, 2.5), "burned": ("ha", 2000, 40000, 1.5, 4.0)},
    headline=_lines("""
Wildfires kill {toll} people in {area} as winds fan flames
{country_bare} wildfires: {toll_num} dead, thousands evacuated
Fires tear through {region}, destroying {homes} homes
Thousands flee as wildfires rage near {city}
"""),
    lead=_lines("""
Wildfires fanned by strong winds tore through {region} {day}, killing {toll} people and destroying {homes} homes{toll_attr}.
{toll} people were killed as wildfires swept through {area} {day}{toll_attr}, forcing thousands to flee.
Firefighters battled dozens of wildfires in {area} {day} after flames killed {toll} people and burned {burned}{toll_attr}.
"""),
    detail=_lines("""
The fires have burned {burned} of forest and farmland{attr}.
Winds gusting at up to {wind} pushed the flames towards the outskirts of {city2}.
Temperatures reached {heat} in {city}, the hottest day of the year so far, {org2} said.
{evacuated} people were ordered to leave their homes{attr}.
The fire advanced on {fronts} fronts, {agency} said, and several villages had been completely surrounded.
The death toll rose to {toll_num}{toll_attr}, up from {toll_prev} {prev_time}.
{injured} people were treated for burns and smoke inhalation{attr}.
"""),
    impact=_lines("""
Thick smoke blanketed {city}, and health officials urged residents to keep windows closed and wear masks outdoors.
Vineyards, olive groves and livestock farms across {region} were destroyed, farmers' groups said.
"""),
    response=_lines("""
{firefighters} firefighters, backed by {water_planes} water-bombing aircraft, were fighting the flames{attr}.
Volunteers with garden hoses and branches joined firefighters trying to protect houses on the edge of {city2}.
"""),
    context=_lines("""
Scientists say hotter, drier summers driven by climate change are making wildfires in {country} larger and harder to control.
Firefighters have complained for years about understaffing and ageing aircraft.
The blaze — one of dozens burning across {country} — started in dry scrubland and spread within hours to pine forest.
"""),
    reaction=(),
    outlook=_lines("""
Forecasters said temperatures would stay above {heat} {next_rel}, with strong winds expected to return.
"""),
    unique=_lines("""
A firefighting plane crashed near {city2} while dropping water, though its two pilots survived, the air force said.
Police said they had detained a {suspect_age}-year-old man suspected of setting fire to dry brush near {city2}.
A monastery dating from the 16th century was evacuated as flames came within a few hundred metres of its walls.
"""),
    q_official=_lines("""
We are facing extreme conditions: very high temperatures, dry vegetation and very strong winds
Anyone who receives an evacuation message must leave immediately
Our firefighters are exhausted, but they will not give up
"""),
    q_witness=_lines("""
The sky turned black in the middle of the afternoon and we could hear the fire roaring
We had ten minutes to leave. We took the dog and the documents, nothing else
The flames jumped the road as if it was not there
Our whole street is gone
"""),
    q_expert=_lines("""
The fire season is starting earlier and ending later every year
With winds like these, no air force in the world can stop a fire of this size
Abandoned farmland and unmanaged forest are fuel waiting for a spark
"""),
    roles={
        "official": (
            ("Civil Protection Minister", "the civil protection minister"),
            ("Interior Minister", "the interior minister"),
            ("Climate Crisis Minister", "the minister for the climate crisis"),
        ),
        "spokes": (
            ("fire service SP", "a SP for the fire service"),
            ("fire brigade SP", "a fire brigade SP"),
        ),
        "expert": (
            ("forest ecologist", "a forest ecologist at {university}"),
            ("fire scientist", "a wildfire researcher at {university}"),
        ),
    },
    orgs={
        "org2": (
            ("National Meteorological Service", "the weather service"),
            ("National Observatory", "the observatory"),
        ),
    },
    statics=_fire_statics,
)

FERRY = _disaster(
    kind="ferry",
    noun="maritime disaster",
    evs="ferry accidents",
    nouns=("the sinking", "the accident", "the disaster", "the capsizing"),
    countries=tuple(
        "Philippines|Indonesia|Bangladesh|Nigeria|Greece|Vietnam|Brazil|Kenya".split("|")
    ),
    figures={
        "passengers": ("count", 80, 600),
        "crew": ("num", 8, 40),
        "offshore": ("km", 1, 35),
        "vehicles": ("num", 4, 40),
        "wave": ("m", 2.0, 5.5),
    },
    running={"toll": ("count", 5, 50, 1.3, 3.0), "rescued": ("count", 40, 200, 1.2, 2.2)},
    headline=_lines("""
Ferry capsizes off {region}, killing {toll} people
{country_bare} ferry disaster: {toll_num} dead, dozens missing
Rescuers search for missing after ferry sinks near {city2}
{toll} people dead as overloaded ferry sinks in {area}
"""),
    lead=_lines("""
A ferry carrying {passengers} people capsized off {region} {day}, killing {toll} people{toll_attr}, as rescuers searched the water for dozens more.
{toll} people died when the ferry {ship} sank near {city2} {day}{toll_attr}.
The death toll from the sinking of the ferry {ship} off {area} rose to {toll_num} {day}{toll_attr}.
"""),
    detail=_lines("""
{rescued} people were rescued and {missing} others were still missing{attr}.
The ferry went down {offshore} off the coast, shortly after leaving {city2} for {city}.
The {ship} was carrying {passengers} passengers and {crew} crew members, according to the passenger manifest.
Survivors said the ferry began to list in waves of up to {wave} before turning over within minutes.
The death toll rose to {toll_num}{toll_attr}, up from {toll_prev} {prev_time}.
The ferry was also carrying {vehicles} vehicles, some of which may have shifted as it rolled, the coast guard said.
"""),
    impact=_lines("""
Relatives gathered at the port of {city2}, scanning lists of survivors pinned to a noticeboard.
"""),
    response=_lines("""
Coast guard vessels, navy ships and fishing boats joined the search, and divers were sent down to the hull.
"""),
    context=_lines("""
Ferry accidents are common in {country}, where boats are often overloaded and safety rules poorly enforced.
"""),
    reaction=(),
    outlook=_lines("""
The transport ministry said it had suspended the operator’s licence pending an investigation.
"""),
    unique=_lines("""
The coast guard said the ferry was licensed to carry only {capacity_n} passengers.
The ferry’s captain was among the survivors and was being questioned by police, the transport minister said.
A fisherman said he pulled 14 people from the water into his small boat before the coast guard arrived.
"""),
    q_official=_lines("""
We will find out why a ferry in this condition was allowed to leave port
Our divers are going into the hull, but the currents are very strong
"""),
    q_witness=_lines("""
People were jumping into the sea in the dark. I held on to a plastic chair until a boat came
My wife and daughter were on the lower deck. I have not seen them since
There were too many people on board. Everyone could see it
"""),
    q_expert=_lines("""
Overloading is the single biggest cause of these accidents, and enforcement is almost nonexistent
Many of these vessels are decades old and were never designed for open water
"""),
    roles={
        "official": (
            ("Transport Minister", "the transport minister"),
            ("coast guard commander", "the commander of the coast guard"),
            ("Maritime Affairs Minister", "the maritime affairs minister"),
        ),
        "spokes": (("coast guard SP", "a coast guard SP"), ("navy SP", "a navy SP")),
        "expert": (("maritime safety expert", "a maritime safety researcher at {university}"),),
    },
    occupations=("trader", "student", "fisherman", "nurse", "farmer", "teacher"),
    orgs={
        "org2": (
            ("Maritime Safety Administration", "the administration"),
            ("Coast Guard District Command", "the command"),
        ),
    },
    statics=_ferry_statics,
    derive=_ferry_derive,
)

BLAST = _disaster(
    shared_pools=False,
    kind="explosion",
    noun="industrial accident",
    evs="industrial accidents",
    nouns=("the explosion", "the blast", "the fire", "the disaster"),
    countries=("",),
    figures={
        "workers": ("count", 100, 2000),
        "injured": ("count", 10, 300),
        "missing": ("count", 2, 30),
        "heard": ("km", 2, 30),
        "fine": ("money", 1e6, 5e7),
        "employees": ("count", 1000, 40000),
        "share_fall": ("pct", 4, 25),
        "inspection_years": ("num", 2, 9),
        "arrested": ("num", 2, 7),
    },
    running={"toll": ("count", 3, 40, 1.3, 3.0)},
    headline=_lines("""
Explosion at {plant} kills {toll} people near {city}
Blast at {company_short} {plant} in {city} leaves {toll_num} dead
{country_bare} {plant} explosion: death toll rises to {toll_num}
Huge blast rocks {city}; {toll} people killed
"""),
    lead=_lines("""
An explosion at a {plant} on the outskirts of {city} killed {toll} people {day}{toll_attr}, sending a fireball into the sky and shattering windows across the city.
{toll} people were killed and {injured} injured when a {plant} run by {company} exploded near {city} {day}{toll_attr}.
The death toll from a blast at a {plant} near {city} rose to {toll_num} {day}{toll_attr}, as firefighters searched the charred remains.
"""),
    detail=_lines("""
The blast was heard {heard} away, and residents said their houses shook as if in an earthquake.
{workers} workers were on site at the time, {company} said in a statement.
{injured} people were taken to hospital, some with severe burns{attr}.
The death toll rose to {toll_num}{toll_attr}, up from {toll_prev} {prev_time}.
Firefighters took more than six hours to bring the fire under control, {agency} said.
{missing} workers were still unaccounted for{attr}.
The explosion happened shortly after the start of the night shift, according to {company}.
Witnesses said a smaller blast and a fire preceded the main explosion by several minutes.
"""),
    impact=_lines("""
Residents within a few kilometres of the site were told to stay indoors and keep their windows shut because of toxic smoke.
Windows were shattered in buildings up to {heard} away, and several nearby homes were badly damaged.
Production at the site was halted, and {company} said it did not know when it would resume.
Hospitals in {city} appealed for blood donors as the injured arrived, many of them with burns.
Traffic on the main road into {city} was diverted for most of the day.
Aerial footage broadcast by {news} showed {scene}.
"""),
    response=_lines("""
Police cordoned off the industrial zone, and forensic teams began collecting samples from the site.
Firefighters from {city} and {city2} were sent to the scene, along with dozens of ambulances.
{official} visited the site {day} and ordered an immediate inspection of similar facilities in {region}.
{company} said it had set up a crisis centre for families and would pay for funerals and medical care.
The environment ministry said it was testing air and water samples for toxic chemicals.
The government appealed for blood donations, and long queues formed outside hospitals in {city}.
"""),
    context=_lines("""
The plant had last been inspected {inspection_years} years ago, according to records seen by {outlet}.
{company} was fined {fine} {ref_date} for safety violations at another site, according to court records.
Industrial accidents are not uncommon in {country}, where safety rules are often poorly enforced, labour groups say.
{company} employs {employees} people at sites across {country}.
A similar explosion at a plant in {city2} {ref_date} killed several workers and led to calls for tighter rules.
{expert_name}, {expert_desc}, said hazardous materials should never have been stored so close to homes.
"""),
    reaction=_lines("""
Labour unions called for a national day of mourning and demanded criminal charges against the plant’s managers.
{leader} offered condolences to the families of the victims and ordered a full investigation.
Shares in {company_short} fell {share_fall} in {city} trading{attr}.
"""),
    outlook=_lines("""
Prosecutors opened a criminal investigation and said they would examine whether safety rules had been broken.
Investigators said it could take weeks to establish what caused the explosion.
{agency} said it would publish an updated casualty figure {soon}.
Officials said the search for the missing would continue {next_rel}.
"""),
    unique=_lines("""
Police said they had detained {arrested} managers of the company for questioning.
A worker who survived said he had reported a gas smell to supervisors a week before the blast.
"""),
    q_official=_lines("""
Those responsible will be held to account, whoever they are
We will inspect every similar plant in the country
"""),
    q_witness=_lines("""
There was a flash and then a noise like the end of the world
The windows of our flat blew in and glass was everywhere
My husband works the night shift there. He is not answering his phone
"""),
    q_expert=_lines("""
These plants are often built far too close to where people live
Inspections are rare and the fines are too small to change behaviour
"""),
    q_lead=_lines("""
We are cooperating fully with the authorities and will support the families of our workers
Safety has always been our first priority
"""),
    roles={
        "official": (
            ("Labour Minister", "the labour minister"),
            ("Industry Minister", "the industry minister"),
            ("provincial governor", "the provincial governor"),
        ),
        "spokes": (("fire service SP", "a fire service SP"), ("police SP", "a police SP")),
        "expert": (("industrial safety expert", "an industrial safety expert at {university}"),),
        "lead": (("chief executive", "the chief executive of {company_short}"),),
    },
    occupations=("factory worker", "security guard", "shopkeeper", "driver", "resident"),
    orgs={"company": ()},
    statics=_blast_statics,
)

# Civic events --------------------------------------------------------------------------------

_CIVIC_ATTRS = _lines("""
, officials said
, according to {agency}
, {news} reported
, {official} said
, according to figures released {day}
, local media reported
, according to a tally by {outlet}
""")
_CIVIC_OCCUPATIONS = tuple(
    "teacher|student|taxi driver|engineer|shop owner|nurse|retired civil servant|farmer|"
    "software developer|pensioner".split("|")
)


def _election_derive(v: dict[str, float]) -> None:
    # Early counts lean towards the winner; the share settles as more ballots are counted.
    v["lead_share"] = v["lead_share"] + (100 - v["counted"]) * 0.04
    v["rival_share"] = max(5.0, min(v["lead_share"] - v["margin"], (100 - v["lead_share"]) * 0.85))
    v["seats_won"] = round(v["seats"] * (v["lead_share"] / 100) * 1.15)


def _election_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["office_contested"] = rng.choice(("presidential", "parliamentary", "general"))
    s["issue"] = rng.choice(
        ("the cost of living", "corruption", "crime", "unemployment", "energy prices",
         "housing", "public debt")
    )  # fmt: skip


ELECTION = EventSpec(
    kind="election",
    noun="election",
    evs="elections",
    nouns=("the election", "the vote", "the ballot", "the poll"),
    countries=("",),
    figures={
        "lead_share": ("pct", 38, 58),
        "margin": ("pct", 3, 15),
        "turnout": ("pct", 45, 78),
        "voters": ("count", 2e6, 1.2e8),
        "seats": ("num", 60, 400),
        "observers": ("count", 200, 6000),
        "stations": ("count", 8000, 90000),
        "complaints": ("count", 40, 900),
        "city_turnout": ("pct", 35, 50),
    },
    running={"counted": ("pct", 35, 60, 1.6, 1.8)},
    headline=_lines("""
{lead_last} leads {country_bare} election count with {lead_share}
{country_bare} election: {lead_last} ahead as count passes {counted_num}
{lead_party_short} claims victory in {country_bare} vote
Opposition cries foul as {lead_last} takes lead in {country_bare} election
"""),
    lead=_lines("""
{lead} of {party1} took a commanding lead in {country}’s {office_contested} election, with {lead_share} of the vote and {counted} of ballots counted{attr}.
Preliminary results from {country}’s {office_contested} election {day} showed {lead} ahead with {lead_share}, followed by {rival} on {rival_share}{attr}.
{lead} claimed victory in {country}’s {office_contested} election {day}, as partial results gave the {party1_short} candidate {lead_share} of the vote{attr}.
"""),
    detail=_lines("""
With {counted} of polling stations reporting, {rival} of {party2} had {rival_share}{attr}.
Turnout was {turnout}, {agency} said, out of {voters} registered voters.
{party1} was on course to win {seats_won_n} of the {seats_n} seats in parliament, according to projections by {outlet}.
{agency} said it had received {complaints} complaints about irregularities, most of them minor.
{stations} polling stations were open across the country, some of them late because of missing ballot papers.
"""),
    impact=_lines("""
Supporters of {lead_last} celebrated in the streets of {city}, waving flags and honking car horns late into the night.
Markets rallied on the early results, and government bond yields fell.
"""),
    response=_lines("""
{rival} refused to concede, saying the count in {region} had been marred by “serious irregularities”.
{agency} rejected claims of fraud and said the count was transparent and open to observers.
"""),
    context=_lines("""
The campaign was dominated by {issue}, which polls showed was voters’ main concern.
{lead_last}, a former mayor of {city2}, ran on a promise to tackle {issue}.
The vote came after the previous government collapsed {ref_date} amid a row over the budget.
{rival_last} had led in opinion polls for most of the campaign, until a corruption scandal hit {party2} {ref_date}.
{expert_name}, {expert_desc}, said the result reflected deep frustration with {issue}.
"""),
    reaction=_lines("""
The United States and the European Union urged all sides to respect the outcome and settle any disputes in court.
{foreign} congratulated {lead_last} before official results were announced, drawing criticism from the opposition.
{observers} international and local observers monitored the vote, {aid} said.
"""),
    outlook=_lines("""
Official results are expected {next_date}.
If no candidate wins more than half the vote, a runoff will be held {next_date}.
The new parliament is due to sit for the first time {next_date}.
"""),
    unique=_lines("""
Turnout in {city} was the lowest in the country at {city_turnout}, which analysts attributed to heavy rain.
Observers reported isolated cases of vote-buying in {region}, where party workers were seen handing out cash near polling stations.
A polling station in {city2} was attacked by unknown men who burned ballot boxes, police said; no one was hurt.
"""),
    q_official=_lines("""
The count is being conducted transparently, and every party has observers at every stage
We urge all candidates to wait for the official results and to use the legal channels for any complaint
"""),
    q_witness=_lines("""
I voted for change. We cannot go on like this
I queued for three hours, but it was worth it
Nothing will change, whoever wins
"""),
    q_expert=_lines("""
This is a protest vote above all, against a political class that voters feel has ignored them
The numbers suggest a realignment that goes well beyond this election
"""),
    q_lead=_lines("""
Tonight the people have spoken, and they have chosen change
I will be the president of all citizens, including those who did not vote for me
Our work starts tomorrow
"""),
    q_rival=_lines("""
We will not accept a result that does not reflect the will of the people
We have evidence of irregularities in several regions and we will take it to court
"""),
    q_aid=_lines("""
Voting was generally orderly, but we noted problems with the voter lists in several districts
"""),
    attrs=_CIVIC_ATTRS,
    roles={
        "official": (
            ("electoral commission chairman", "the chairman of the electoral commission"),
            ("election commission head", "the head of the election commission"),
        ),
        "spokes": (("commission SP", "a SP for the electoral commission"),),
        "expert": (
            ("political scientist", "a political scientist at {university}"),
            ("analyst", "a political analyst at {university}"),
        ),
        "aid": (
            ("observer mission head", "the head of an international observer mission"),
            ("election monitor", "the director of a local election monitoring group"),
        ),
        "lead": (("", "the {party1_short} candidate"),),
        "rival": (("", "the {party2_short} candidate"),),
    },
    orgs={
        "agency": (
            ("Independent National Electoral Commission", "the commission"),
            ("National Electoral Council", "the council"),
            ("Central Election Commission", "the commission"),
            ("Supreme Electoral Tribunal", "the tribunal"),
        ),
        "party1": (),
        "party2": (),
    },
    occupations=_CIVIC_OCCUPATIONS,
    statics=_election_statics,
    derive=_election_derive,
)


def _protest_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["grievance"], s["concession"] = rng.choice(
        (
            ("a proposed fuel price increase", "delay the fuel price increase by three months"),
            ("a new tax law", "suspend the tax law pending a review"),
            ("alleged fraud in last month’s election", "recount ballots in several districts"),
            ("corruption allegations against senior officials", "set up an independent inquiry"),
            ("a bill that would extend presidential term limits", "withdraw the bill for now"),
            ("rising food prices", "cut import duties on rice and cooking oil"),
            ("a planned cut to pensions", "postpone the pension reform until next year"),
        )
    )


def _protest_derive(v: dict[str, float]) -> None:
    # Crowd estimates are round numbers; the organisers' is always the larger.
    v["crowd"] = max(1000.0, round(v["crowd"], -3))
    v["crowd_police"] = max(500.0, round(v["crowd"] * v["police_ratio"] / 100, -2))
    v["officers"] = max(2.0, v["injured"] * v["officer_share"] / 100)


PROTEST = EventSpec(
    kind="protest",
    noun="protest",
    evs="protests",
    nouns=("the protests", "the demonstrations", "the unrest", "the rallies"),
    countries=("",),
    figures={
        "crowd": ("count", 5000, 300000),
        "police_ratio": ("num", 20, 50),
        "injured": ("count", 20, 400),
        "officer_share": ("num", 10, 45),
        "cities": ("num", 4, 30),
        "days": ("num", 2, 9),
        "detained_journalists": ("num", 2, 9),
    },
    running={"arrests": ("count", 20, 300, 1.5, 4.0)},
    headline=_lines("""
Police fire tear gas as thousands protest in {city}
{country_bare} protests: {arrests_num} arrested as unrest spreads
Tens of thousands rally in {city} against {grievance}
Clashes in {city} as protesters demand {official_last}’s resignation
"""),
    lead=_lines("""
Police in {city} fired tear gas and water cannon {day} at protesters demonstrating against {grievance}, and arrested {arrests} people{attr}.
Tens of thousands of people marched through {city} {day} to protest against {grievance}, in the largest demonstrations in {country} for years.
Protests against {grievance} spread to {cities_n} cities across {country} {day}, and police said they had arrested {arrests} people.
"""),
    detail=_lines("""
Organisers said {crowd} people took part in the march in {city}, while police said {crowd_police} had taken part.
{arrests} people were detained{attr}, and {injured} were injured, including {officers} police officers.
Protesters threw stones and bottles at riot police, who responded with rubber bullets, according to witnesses.
The demonstrations are now in their {days_ord} day and have spread to {city2} and other cities.
"""),
    impact=_lines("""
Shops in central {city} were boarded up, and several metro stations were closed for hours.
"""),
    response=_lines("""
{official} said the police had shown restraint and blamed “organised groups” for the violence.
The government announced it would {concession}, a concession protesters dismissed as not enough.
"""),
    context=_lines("""
Anger over {grievance} has been building for months; the first, smaller protests took place {ref_date}.
{country} last saw protests on this scale in {hist_year}, when demonstrations forced a cabinet reshuffle.
"""),
    reaction=_lines("""
{aid} called on the authorities to respect the right to peaceful protest and to release those detained.
The European Union and {foreign} urged restraint on all sides.
"""),
    outlook=_lines("""
Organisers called for a general strike {next_date} and said protests would continue until their demands were met.
"""),
    unique=_lines("""
Mobile internet was cut in central {city} for several hours, according to the monitoring group NetBlocks.
{detained_journalists_n} journalists were briefly detained while covering the protests, a press freedom group said.
"""),
    q_official=_lines("""
The right to protest is guaranteed, but violence and vandalism will not be tolerated
Those who attacked police officers will face the full force of the law
"""),
    q_witness=_lines("""
We are here because we have nothing left to lose
They can arrest us, but they cannot arrest all of us
My salary no longer covers rent and food. Something has to change
"""),
    q_expert=_lines("""
The government underestimated how much anger has built up over the past few years
These protests have no single leader, which makes them very hard to negotiate with
"""),
    q_lead=_lines("""
We will stay in the streets until the government listens
Our movement is peaceful; the violence came from the police
"""),
    q_aid=_lines("""
Peaceful protesters must not be treated as criminals
"""),
    attrs=_CIVIC_ATTRS,
    roles={
        "official": (
            ("Interior Minister", "the interior minister"),
            ("police chief", "the national police chief"),
        ),
        "spokes": (("police SP", "a police SP"),),
        "expert": (("sociologist", "a sociologist at {university}"),),
        "aid": (
            ("Amnesty International researcher", "a researcher at Amnesty International"),
            ("Human Rights Watch director", "a director at Human Rights Watch"),
        ),
        "lead": (
            ("opposition leader", "the opposition leader"),
            ("student leader", "a student leader"),
        ),
    },
    orgs={
        "agency": (
            ("National Police", "the police"),
            ("Interior Ministry", "the ministry"),
        ),
    },
    occupations=_CIVIC_OCCUPATIONS,
    statics=_protest_statics,
    derive=_protest_derive,
)


def _trial_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["charge"] = rng.choice(
        ("corruption", "money laundering", "abuse of power", "bribery", "tax evasion",
         "embezzlement")
    )  # fmt: skip
    s["defendant_role"] = rng.choice(
        ("former energy minister", "former governor", "businessman", "former central bank chief",
         "former mayor of {city}", "former defence minister")
    ).format(city=s["city"])  # fmt: skip


def _trial_derive(v: dict[str, float]) -> None:
    v["sought"] = round(v["years"]) + round(v["extra"])


TRIAL = EventSpec(
    kind="trial",
    noun="trial",
    evs="corruption trials",
    nouns=("the trial", "the case", "the verdict", "the ruling"),
    countries=("",),
    figures={
        "years": ("num", 3, 25),
        "fine": ("money", 1e5, 5e7),
        "charges": ("num", 2, 14),
        "witnesses": ("num", 20, 150),
        "amount": ("money", 5e6, 9e8),
        "months": ("num", 4, 30),
        "codefendants": ("num", 2, 12),
        "extra": ("num", 2, 8),
    },
    running={},
    derive=_trial_derive,
    headline=_lines("""
{country_bare} court jails {defendant_role} {lead_last} for {years_n} years
{lead_last} found guilty of {charge}, sentenced to {years_n} years
Court convicts {defendant_role} {lead_last} in {charge} case
"""),
    lead=_lines("""
A court in {city} sentenced {defendant_role} {lead} to {years_n} years in prison {day} after finding {lead_him} guilty of {charge}.
{defendant_role} {lead} was convicted of {charge} {day} and sentenced to {years_n} years in prison, in one of the most closely watched trials in {country} in years.
"""),
    detail=_lines("""
Judges found that {lead_last} had diverted {amount} in public funds through a network of shell companies.
The court also ordered {lead_last} to pay a fine of {fine} and barred {lead_him} from holding public office.
{lead_last} was found guilty on {charges_n} counts; {codefendants_n} co-defendants received shorter sentences.
The trial lasted {months_n} months and heard from {witnesses_n} witnesses.
Prosecutors had sought a sentence of {sought_n} years plus confiscation of property.
"""),
    impact=_lines("""
Supporters of {lead_last} gathered outside the courthouse in {city}, chanting that the case was politically motivated.
"""),
    response=_lines("""
{lead_his_cap} lawyers said they would appeal, calling the verdict “a political decision dressed up as justice”.
{official} said the verdict showed that nobody was above the law.
"""),
    context=_lines("""
{lead_last} was arrested {ref_date} after an investigation by {agency}.
The case has divided {country}, where {lead_last} remains popular in {region}.
The offences took place between {offence_years}, while {lead_last} was in office, prosecutors said.
{expert_name}, {expert_desc}, said the verdict would be seen as a test of the judiciary’s independence.
"""),
    reaction=_lines("""
Anti-corruption campaigners welcomed the verdict but said the money had still not been recovered.
"""),
    outlook=_lines("""
An appeals court is expected to hear the case {next_date}.
"""),
    unique=_lines("""
One of the judges issued a dissenting opinion, arguing that the evidence on two of the counts was insufficient.
{lead_last} collapsed in the dock as the sentence was read out and was treated by paramedics, a court official said.
"""),
    q_official=_lines("""
This verdict sends a clear message that public money belongs to the public
The fight against corruption does not end with one case
"""),
    q_witness=_lines("""
Justice has been done, but it took far too long
He is being punished for his politics, not for any crime
"""),
    q_expert=_lines("""
This is the first time a figure of this rank has been convicted, and that matters
The appeal will be the real test
"""),
    q_lead=_lines("""
I am innocent and I will prove it
History will judge this trial
"""),
    q_rival=_lines("""
The evidence was overwhelming, and the court has recognised it
"""),
    attrs=_CIVIC_ATTRS,
    roles={
        "official": (("Justice Minister", "the justice minister"),),
        "spokes": (("court SP", "a court SP"),),
        "expert": (("law professor", "a law professor at {university}"),),
        "aid": (
            (
                "Transparency International director",
                "the head of the local branch of Transparency International",
            ),
        ),
        "lead": (("", "the defendant"),),
        "rival": (("chief prosecutor", "the chief prosecutor"),),
    },
    orgs={
        "agency": (
            ("Anti-Corruption Commission", "the commission"),
            ("National Anti-Corruption Bureau", "the bureau"),
            ("Economic and Financial Crimes Commission", "the commission"),
        ),
    },
    occupations=_CIVIC_OCCUPATIONS,
    statics=_trial_statics,
)


def _sector_statics(rng: random.Random, s: dict[str, str]) -> None:
    sector, word, workers = rng.choice(_SECTORS)
    s["sector"], s["sector_word"], s["sector_workers"] = sector, word, workers


STRIKE = EventSpec(
    kind="strike",
    noun="strike",
    evs="strikes",
    nouns=("the strike", "the walkout", "the industrial action", "the stoppage"),
    countries=("",),
    figures={
        "days": ("num", 2, 21),
        "demand": ("pct", 15, 40),
        "offer": ("pct", 4, 12),
        "flights": ("count", 100, 1500),
        "losses": ("money", 5e6, 2e8),
        "passengers": ("count", 20000, 600000),
        "inflation": ("pct", 6, 40),
    },
    running={"workers": ("count", 5000, 80000, 1.2, 2.2)},
    headline=_lines("""
{workers} workers strike in {country_bare} over pay
{country_bare} {sector} strike enters day {days_n} as talks stall
Strike by {sector_workers} halts {sector} in {country_bare}
Unions reject {offer_num} pay offer, vow to keep striking
"""),
    lead=_lines("""
{workers} {sector_workers} walked off the job across {country} {day}, demanding a pay rise of {demand} to keep up with inflation{attr}.
A nationwide strike by {sector_workers} entered its {days_ord} day {day}, as talks between unions and the government broke down{attr}.
{sector_workers} across {country} went on strike {day} after rejecting a pay offer of {offer}, {agency} said.
"""),
    detail=_lines("""
{agency} is demanding a {demand} pay rise, while employers have offered {offer}.
The strike has cost the economy {losses} a day, according to {official}.
{flights} flights were cancelled and {passengers} passengers affected{attr}.
Inflation reached {inflation} last year, eroding wages across the {sector} sector.
"""),
    impact=_lines("""
Long queues formed at petrol stations and bus stops in {city}, and some schools closed early.
"""),
    response=_lines("""
{official} called the strike “irresponsible” and said the government could not afford the unions’ demands.
A court in {city} rejected a request by employers to declare the strike illegal.
"""),
    context=_lines("""
The last major strike in the sector, {ref_date}, ended after {days_n} days with a compromise deal.
{expert_name}, {expert_desc}, said the dispute reflected a wider squeeze on living standards.
"""),
    reaction=_lines("""
Business groups warned that a long strike could push the economy into recession.
"""),
    outlook=_lines("""
Union leaders said they would meet again {next_date} and threatened to extend the strike to other sectors.
"""),
    unique=_lines("""
Two union members were arrested at a picket line outside {company}’s main site in {city2}, the union said.
The army was put on standby to maintain essential services, according to a leaked government memo.
"""),
    q_official=_lines("""
The door to dialogue is open, but the country cannot pay what it does not have
"""),
    q_witness=_lines("""
I have worked here twenty years and I cannot feed my family on this salary
We did not want to strike, but they left us no choice
"""),
    q_expert=_lines("""
Real wages in this sector have fallen for three years in a row
"""),
    q_lead=_lines("""
We will not go back to work for crumbs
This strike is about dignity as much as pay
"""),
    q_rival=_lines("""
Our offer is fair and responsible, and we urge the unions to return to the table
"""),
    attrs=_CIVIC_ATTRS,
    roles={
        "official": (
            ("Labour Minister", "the labour minister"),
            ("Finance Minister", "the finance minister"),
        ),
        "spokes": (("union SP", "a union SP"),),
        "expert": (("labour economist", "a labour economist at {university}"),),
        "aid": (("ILO official", "an official with the International Labour Organization"),),
        "lead": (("union leader", "the leader of the union"),),
        "rival": (("chief executive", "the chief executive of {company_short}"),),
    },
    orgs={
        "agency": (
            ("National Union of Workers", "the union"),
            ("Federation of Trade Unions", "the federation"),
            ("Confederation of Labour", "the confederation"),
        ),
        "company": (),
    },
    occupations=_CIVIC_OCCUPATIONS,
    statics=_sector_statics,
)

MERGER = EventSpec(
    kind="merger",
    noun="deal",
    evs="takeovers",
    nouns=("the deal", "the takeover", "the merger", "the acquisition"),
    countries=("",),
    figures={
        "value": ("money", 8e8, 2.5e10),
        "premium": ("pct", 15, 45),
        "jobs": ("count", 300, 6000),
        "employees": ("count", 5000, 120000),
        "revenue": ("money", 1e9, 4e10),
        "savings": ("money", 5e7, 9e8),
        "family_stake": ("pct", 20, 45),
        "share_price": ("dec", 4, 90),
    },
    running={"jump": ("pct", 6, 14, 0.8, 1.6)},
    headline=_lines("""
{company_short} to buy {company2_short} for {value}
{company_short} agrees {value} takeover of {company2_short}
{company2_short} shares jump {jump_num} on {company_short} takeover deal
{country_adj} {sector} giants {company_short}, {company2_short} to merge
"""),
    lead=_lines("""
{company} agreed to buy rival {company2} for {value}, creating {country}’s largest {sector} company, the firms said {day}.
{company} will acquire {company2} in a deal worth {value}, the two companies said {day}, in the biggest {sector} takeover in {country} in years.
Shares in {company2} jumped {jump} {day} after {company} agreed to buy the company for {value}.
"""),
    detail=_lines("""
The offer represents a premium of {premium} to {company2_short}’s closing price before the deal was announced.
The combined group will have annual revenue of {revenue} and {employees} employees.
{company_short} said it expected savings of {savings} a year, partly by cutting {jobs} jobs.
Shares in {company2_short} rose {jump} in {city} trading{attr}.
{company_short} will pay {share_price} {currency} per share in cash, the companies said.
"""),
    impact=_lines("""
Unions said they would fight the job cuts, which are expected to fall mainly on plants in {city2}.
"""),
    response=_lines("""
{official} said the government would study the deal carefully to protect jobs and competition.
{agency} said it would review the deal, a process that could take several months.
"""),
    context=_lines("""
{company_short} first approached {company2_short} {ref_date}, but its initial offer was rejected as too low.
The {sector} sector in {country} has been consolidating as companies struggle with higher costs and slowing demand.
{expert_name}, {expert_desc}, said the price was high but the deal made strategic sense.
"""),
    reaction=_lines("""
Analysts at {bank} said the deal would create a clear market leader with greater pricing power.
"""),
    outlook=_lines("""
The deal is expected to close {next_date}, subject to approval by shareholders and regulators.
Analysts at {bank2} had valued {company2_short} at 20–25% less before the bid was announced.
"""),
    unique=_lines("""
{company2_short}’s founding family, which owns {family_stake} of the company, has agreed to support the deal.
Two people familiar with the talks said a rival bid from a {foreign_adj} investment fund had been rejected.
"""),
    q_official=_lines("""
We welcome investment, but jobs in this country must be protected
"""),
    q_witness=_lines("""
Everyone here is worried about their job
"""),
    q_expert=_lines("""
It is a full price, but there are real savings to be found
Regulators will want remedies before they approve this
"""),
    q_lead=_lines("""
Together we will be stronger, more competitive and better able to invest
This is a transformational deal for both companies and for our customers
"""),
    q_rival=_lines("""
The board believes this offer delivers compelling value for our shareholders
"""),
    attrs=_lines("""
, the companies said
, according to a statement
, {news} reported
, people familiar with the matter said
, according to data compiled by {outlet}
"""),
    roles={
        "official": (
            ("Economy Minister", "the economy minister"),
            ("Finance Minister", "the finance minister"),
        ),
        "spokes": (("company SP", "a SP for {company_short}"),),
        "expert": (("analyst", "an analyst at {bank}"),),
        "aid": (("union official", "an official with the main workers’ union"),),
        "lead": (("chief executive", "the chief executive of {company_short}"),),
        "rival": (("chairman", "the chairman of {company2_short}"),),
    },
    orgs={
        "agency": (
            ("Competition Commission", "the regulator"),
            ("Competition Authority", "the regulator"),
        ),
        "company": (),
        "company2": (),
    },
    occupations=("factory worker", "engineer", "supervisor", "warehouse worker"),
    statics=_sector_statics,
)

EVENTS: tuple[EventSpec, ...] = (
    EARTHQUAKE, FLOOD, WILDFIRE, FERRY, BLAST, ELECTION, MERGER, PROTEST, TRIAL, STRIKE,
)  # fmt: skip
# More sentences for the civic and business stories, which share fewer pools than disasters.
_MORE_FIGURES: dict[str, dict[str, tuple[str, float, float]]] = {
    "election": {
        "invalid": ("pct", 1.5, 6),
        "market_jump": ("pct", 1, 5),
        "prev_turnout": ("pct", 40, 75),
    },
    "protest": {"ban_days": ("num", 3, 30), "youth_unemp": ("pct", 15, 40)},
    "trial": {"acquitted": ("num", 1, 3)},
    "strike": {
        "talk_hours": ("num", 6, 20),
        "cost": ("money", 5e7, 2e9),
        "employees": ("count", 20000, 900000),
    },
    "merger": {
        "multiple": ("dec", 8, 20),
        "market_share": ("pct", 20, 45),
        "deals": ("num", 2, 7),
    },
}
_MORE: dict[str, dict[str, str]] = {
    "election": {
        "detail": """
{lead_last} won comfortably in {region}, where {lead_his} party has traditionally been strong, while {rival_last} carried {city2}.
Counting was slow in rural areas, where ballot boxes had to be carried by boat and on foot.
{observers} observers were accredited to monitor the vote{attr}.
Invalid ballots accounted for {invalid} of the total, {agency} said.
""",
        "impact": """
The {country_adj} stock market rose {market_jump} in early trading, led by bank shares.
Fireworks went off over {city} after midnight as supporters of {lead_last} gathered outside the party headquarters.
In {city2}, a stronghold of the {party2_short}, the streets were quiet.
""",
        "response": """
{official} said the commission would publish results from every polling station online so that parties could check them.
{rival_last}’s campaign said it would challenge the results from {region} in court.
Police were deployed outside the offices of {agency} in {city} after opposition supporters gathered there.
""",
        "context": """
{lead_last} has promised to cut fuel taxes and raise the minimum wage, pledges that economists say would strain the budget.
Turnout in the previous election, {ref_date}, was {prev_turnout}.
Voters went to the polls amid high inflation and widespread disillusionment with the political establishment.
""",
        "reaction": """
Regional leaders called for calm while the count continued.
{foreign}’s foreign ministry said it hoped the new government would strengthen trade ties.
""",
        "outlook": """
{lead_last} is expected to be sworn in {next_date}.
Coalition talks could take weeks if no party wins a majority, analysts said.
Polls published last week had put {lead_last} at 35–40 percent, well short of the result.
The result — if confirmed — would mark the biggest shift in {country}’s politics in a decade.
""",
        "q_official": """
Every vote will be counted, and every complaint will be investigated
The results we have published so far are provisional and may change as more stations report
We have seen no evidence of fraud on a scale that would change the outcome
Our staff have worked for three days without rest to make sure the count is accurate
""",
        "q_witness": """
I have voted in every election since I was 18, and I have never seen a queue like this
We just want jobs for our children
I do not trust any of them, but I came to vote anyway
""",
        "q_expert": """
The opposition will need to show hard evidence if it wants the courts to intervene
Whoever governs will inherit an economy in very poor shape
""",
        "q_lead": """
We will unite this country and get it working again
I thank every voter, whatever their choice
""",
        "q_rival": """
This fight is not over
We will wait for the final count, but what we have seen so far worries us deeply
""",
    },
    "protest": {
        "detail": """
Riot police blocked roads leading to parliament with armoured vehicles and barbed wire.
Most of those arrested were young men, according to {agency}.
Several cars and a bank branch were set on fire in {city2}, according to local media.
The crowd marched from the central square towards government buildings, chanting slogans against {official_last}.
""",
        "impact": """
Public transport in {city} was suspended for much of the day, and many businesses closed early.
Hospitals in {city} said they were treating people for injuries from rubber bullets and for the effects of tear gas.
Schools and universities in {city} moved classes online for the rest of the week.
""",
        "response": """
{leader} said in a televised address that the government was open to dialogue but would not give in to “blackmail”.
{official} announced a ban on gatherings of more than 50 people in central {city} for the next {ban_days} days.
Police said they were investigating reports that some officers had used excessive force.
The government blamed foreign-funded groups for the unrest, without providing evidence.
""",
        "context": """
The protests began as a small student demonstration in {city2} before spreading across the country.
Smaller demonstrations have taken place almost daily since last week, mostly in the evenings.
The protests — the largest since {hist_year} — have drawn people of all ages, not just students.
Unemployment among young people in {country} is estimated at {youth_unemp}.
Similar protests {ref_date} were broken up by police within days.
""",
        "reaction": """
The United Nations human rights office said it was alarmed by reports of excessive force.
{foreign} advised its citizens to avoid central {city} and to follow local media.
""",
        "outlook": """
Student unions said they would hold another march {soon}.
Parliament is due to return from recess {next_date}, when the opposition plans to call a no-confidence vote.
""",
        "q_official": """
We are ready to talk to anyone who rejects violence
Nobody has the right to paralyse the capital
The police acted within the law and with restraint
We understand the frustration, but burning cars and shops is not the answer
""",
        "q_witness": """
I brought my children so they can see that we are not afraid
The police charged without any warning
We want a future in this country, not a ticket abroad
""",
        "q_expert": """
Concessions now may be too little, too late
""",
        "q_lead": """
Every arrest only brings more people onto the streets
We are not asking for favours, we are asking for our rights
""",
    },
    "trial": {
        "detail": """
The verdict was read out over more than three hours in a packed courtroom in {city}.
Prosecutors said {lead_last} had used the money to buy property in {foreign} and {city}, as well as luxury cars.
The court acquitted {lead_last} on {acquitted_n} of the charges, citing a lack of evidence.
{lead_last} denied all the charges throughout the trial.
""",
        "impact": """
Police closed roads around the court, and riot police stood guard as the verdict was read.
Markets barely reacted to the verdict, which had been widely expected.
""",
        "response": """
{lead_last}’s party called the verdict a “dark day for democracy” and urged supporters to stay calm.
{rival} told reporters outside the court that the sentence was proportionate to the damage done to the state.
""",
        "context": """
The case began with a report by an investigative news outlet {ref_date} that traced payments through companies in {foreign}.
Corruption is a major public concern in {country}, which ranks poorly in Transparency International’s annual index.
Allies of {lead_last} say the case is part of a campaign to keep {lead_him} out of politics ahead of the next election.
""",
        "reaction": """
The European Union said it had followed the trial closely and called for a fair appeal process.
Opposition politicians welcomed the verdict, while supporters of {lead_last} said they would take to the streets.
""",
        "outlook": """
{lead_last} will remain free pending appeal, the court said.
Prosecutors said they were preparing further cases against other former officials.
""",
        "q_official": """
No one, however powerful, is above the law
We will now focus on recovering the stolen money
The courts have done their work independently and without interference
Our institutions have shown that they can hold the powerful to account
""",
        "q_witness": """
This money was meant for hospitals and schools
They always catch the small fish. This time it was a big one
""",
        "q_expert": """
The court’s reasoning will be scrutinised very closely by the appeals judges
""",
        "q_lead": """
I have served this country honestly for thirty years
My conscience is clear
""",
        "q_rival": """
This is a victory for the rule of law
We will appeal the acquittals on the remaining counts
""",
    },
    "strike": {
        "detail": """
Picket lines formed outside {company} sites in {city} and {city2} before dawn.
Only essential services were running, {agency} said, under a minimum-service agreement.
The unions want a new {contract_years} wage agreement that ties pay to inflation.
The strike is the biggest in the {sector} sector since {hist_year}.
Talks mediated by the labour ministry broke down late {day} after {talk_hours} hours.
""",
        "impact": """
Exporters warned that shipments were piling up and that contracts could be lost.
Commuters in {city} faced long delays, and many people walked or cycled to work.
Supermarkets in {city2} reported shortages of some goods as deliveries were disrupted.
""",
        "response": """
The government said it could invoke emergency powers to order strikers back to work if the stoppage continued.
{company} said it had drawn up contingency plans and hired temporary staff.
{rival} said the unions’ demands would add {cost} a year to the wage bill.
""",
        "context": """
Public sector wages in {country} have been frozen since {ref_date}.
The {sector} sector employs {employees} people in {country}{attr}.
""",
        "reaction": """
Opposition parties backed the strikers and called on the government to reopen talks.
The central bank warned that a prolonged strike could push inflation higher.
""",
        "outlook": """
The unions have threatened an indefinite strike from {next_date}.
Mediators said they hoped to bring both sides back to the table {soon}.
""",
        "q_official": """
We have made a fair offer within what the budget allows
A strike of this kind hurts the very families the unions say they defend
We call on the unions to suspend the strike while talks continue
Nobody wins from a long strike, least of all the workers
""",
        "q_witness": """
My train was cancelled again, but I support them
Prices have doubled and our pay has not moved
""",
        "q_expert": """
Both sides have dug in, and the longer this lasts the more it costs everyone
Wage growth has not kept pace with inflation for most workers
""",
        "q_lead": """
The workers are united and they are determined
We have been patient for three years. Patience has run out
""",
        "q_rival": """
We cannot accept demands that would put the company’s future at risk
We hope the unions will return to talks
""",
    },
    "merger": {
        "detail": """
The deal values {company2_short} at {multiple} times its annual earnings.
{company_short} will finance the deal with a mix of cash and new debt, it said.
The combined company will control {market_share} of the {country_adj} {sector} market.
{company_short} said the transaction would add to its earnings within two years.
The boards of both companies have approved the deal.
The talks — first reported by {outlet} last week — had been going on for several months.
""",
        "impact": """
Smaller competitors said the merger would leave customers with fewer choices and higher prices.
Shares in other {sector} companies also rose on speculation of further deals.
""",
        "response": """
{agency} said it had not yet received a formal notification of the deal.
Consumer groups urged regulators to block the deal unless the companies sold some assets.
{rival} said the board had unanimously recommended that shareholders accept the offer.
""",
        "context": """
{company_short} has made {deals_n} acquisitions in the past five years.
{company2_short} has struggled since {ref_date}, when it issued a profit warning and replaced its chief executive.
""",
        "reaction": """
Investors broadly welcomed the deal, although some questioned whether the price was too high.
Ratings agency Moody’s said the deal was credit negative for {company_short} because of the extra debt.
""",
        "outlook": """
Shareholders of {company2_short} will vote on the deal at a meeting {next_date}.
Analysts expect the competition review to focus on overlapping operations in {city2}.
""",
        "q_official": """
We will look carefully at what this means for consumers and workers
Any deal of this size must serve the public interest
""",
        "q_witness": """
We have heard nothing from management about what happens to us
This plant is the biggest employer in town
""",
        "q_expert": """
The synergies look achievable, but integration is where deals like this go wrong
Competitors will be under pressure to respond
""",
        "q_lead": """
We have great respect for {company2_short} and its people
The combined company will be a regional champion in {sector}
We intend to keep investing in {city2} and in our people there
Our customers will benefit from a wider network and better service
""",
        "q_rival": """
After careful review, the board concluded this is the best path for the company
""",
    },
}
for _spec in EVENTS:
    _spec.figures.update(_MORE_FIGURES.get(_spec.kind, {}))
    for _pool, _text in _MORE.get(_spec.kind, {}).items():
        setattr(_spec, _pool, getattr(_spec, _pool) + _lines(_text))
# Disasters are the bulk of wire copy; they are listed twice so they come up more often.
_EVENT_DRAW = (*EVENTS, EARTHQUAKE, FLOOD, PROTEST, ELECTION)

# Generic pieces ------------------------------------------------------------------------------

_DISASTERS = frozenset(("earthquake", "flood", "wildfire", "ferry", "explosion"))


def _family(spec: EventSpec) -> str:
    if spec.kind in _DISASTERS:
        return "disaster"
    return "business" if spec.kind == "merger" else "civic"


_FAMILY_CONTEXT: dict[str, tuple[str, ...]] = {
    "disaster": (),
    "civic": _lines("""
The government of {leader} has been under growing pressure over the economy, with prices and unemployment both rising.
{leader} has not commented publicly on {ev}.
{leader}’s approval rating has fallen sharply in recent months, according to opinion polls.
Opposition parties have accused the government of using state institutions against its critics.
Inflation in {country} has eaten into wages, and many households say they struggle to pay their bills.
Analysts say the outcome could shape {country}’s relations with {foreign} and the European Union.
Videos shared on social media showed scenes from {city}, though many could not be verified.
The story led news bulletins on {news} throughout the day.
Diplomats in {city} said they were following events closely.
Foreign investors have been watching the situation closely, and government bond prices fell in early trading.
The International Monetary Fund, which is in talks with {country} over a loan programme, declined to comment.
Trust in public institutions in {country} is among the lowest in the region, surveys show.
"""),
    "business": _lines("""
The deal is the latest in a wave of consolidation among emerging-market {sector} companies.
{company_short} has been expanding abroad, with operations in {foreign} and {foreign2}.
{company2_short} was founded in {city2} in {hist_year} and listed its shares in {city} a decade later.
Shares in {company_short} fell slightly, as some investors questioned the price.
{bank} advised {company_short} on the deal, while {bank2} advised {company2_short}.
The companies said the combined group would keep its headquarters in {city}.
Analysts expect the deal to face scrutiny because the two companies together control a large share of the market.
Credit rating agencies said they were reviewing {company_short}’s rating, as the deal will be partly financed with debt.
Trading in {company2_short}’s shares was briefly suspended before the announcement.
{company_short} reported a rise in quarterly profit {ref_date}, helped by higher prices.
{leader}’s government has been trying to attract foreign investment to the {sector} sector.
"""),
}
# Templates that can take an opener ("Meanwhile, the ...") without a capitalised name losing
# its capital letter.
_OPENABLE = ("The ", "A ", "An ", "Officials ", "Police ", "Soldiers ", "Volunteers ",
             "Residents ", "Supporters ", "Analysts ", "Shops ", "Long ", "Markets ", "Schools ",
             "Rescuers ", "Firefighters ", "Relatives ", "Forecasters ", "Prosecutors ",
             "Organisers ", "Protesters ", "Business ", "Unions ", "Farmers ")  # fmt: skip
_OPENERS = ("Meanwhile, ", "Separately, ", "At the same time, ", "By late afternoon, ",
            "Earlier, ", "In a separate development, ", "As of the latest count, ",
            "Elsewhere, ")  # fmt: skip

# Spoken lead-ins put in front of a quote that starts with one of these words ("Right now, we").
_LOWERABLE = frozenset(
    "We Our The Every Nobody There This Those Anyone Everything My Nothing It They These "
    "Many No Everyone People Prices Real".split()
)
_QUOTE_LEADS = ("Right now, ", "Let me be clear: ", "Today, ", "In {region}, ", "As of now, ",
                "Frankly, ", "I can tell you that ", "Above all, ")  # fmt: skip
_WITNESS_LEADS = ("Honestly, ", "I don’t know, ", "Look, ", "You know, ", "Since that night, ",
                  "Believe me, ")  # fmt: skip
_SAID = ("said", "told reporters", "said in a statement", "told {outlet}", "said on X",
         "told a news conference in {city}", "told local television", "said in a video message",
         "wrote on social media")  # fmt: skip
_PREV_TIME = ("earlier in the day", "hours earlier", "in an earlier update", "the previous evening",
              "in the morning")  # fmt: skip
_NEXT_REL = ("in the coming days", "over the weekend", "through the night",
             "for at least another day", "into next week")  # fmt: skip
_SOON = ("in the coming days", "later this week", "next week", "over the weekend",
         "as early as tomorrow")  # fmt: skip
_SAID_WITNESS = ("said", "said", "told {outlet}", "told reporters", "told local television")
_GENERIC_FILLER = _lines("""
Further details were not immediately available.
{ev_cap} dominated the front pages of {country_adj} newspapers {day}.
Local television showed live pictures from {city} throughout the day.
{outlet} could not independently verify all of the details.
""")
_FAMILY_FILLER: dict[str, tuple[str, ...]] = {
    "disaster": _lines("""
The situation in {city2} remained difficult late {day}, according to residents reached by phone.
Officials in {region} said they expected more information {soon}.
It was not immediately clear how many of the victims were children.
The government has promised to publish a full report on {ev}.
Casualty figures in disasters of this kind often rise sharply as rescuers reach remote areas.
"""),
    "civic": _lines("""
The situation in {city2} remained tense late {day}, according to residents reached by phone.
Government officials did not respond to requests for comment.
Officials in {region} said they expected more information {soon}.
Opposition figures were expected to hold a news conference {soon}.
"""),
    "business": _lines("""
{company_short} did not respond to a request for comment beyond its statement.
Neither company disclosed the fees paid to their advisers.
The announcement came after the market closed in {city}.
Details of the management structure of the combined company will be announced {soon}.
"""),
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINAL = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
            8: "eighth", 9: "ninth", 10: "10th"}  # fmt: skip

# American spelling for American outlets (the templates are written in British spelling).
_US_SPELLING = {
    "kilometres": "kilometers", "metres": "meters", "millimetres": "millimeters",
    "centre": "center", "centres": "centers", "neighbouring": "neighboring",
    "neighbourhoods": "neighborhoods", "labour": "labor", "Labour": "Labor",
    "organisation": "organization", "Organisation": "Organization", "defence": "defense",
    "Defence": "Defense", "storey": "story", "licence": "license", "fertiliser": "fertilizer",
    "behaviour": "behavior", "Organisers": "Organizers", "organisers": "organizers",
    "organised": "organized", "recognised": "recognized", "programme": "program",
    "ageing": "aging", "epicentre": "epicenter", "harbour": "harbor",
}  # fmt: skip
_US_RE = re.compile(r"\b(" + "|".join(sorted(_US_SPELLING, key=len, reverse=True)) + r")\b")
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_SMALL_WORDS = frozenset("a an the and or of in on at to for by with as from is vs".split())


# --------------------------------------------------------------------------------------------
# Numbers


def _words(n: int) -> str:
    return _SMALL[n] if 0 <= n < 10 else f"{n:,}"


def _count(n: int) -> str:
    if n >= 1_000_000:
        return _trim(n / 1e6) + " million"
    return _words(n)


def _trim(x: float) -> str:
    text = f"{x:.1f}" if x < 100 else f"{x:.0f}"
    return text.removesuffix(".0")


def _round_step(n: int) -> int:
    digits = len(str(n))
    return max(5, 10 ** (digits - 2)) if n >= 20 else 1


def _round_down(n: int) -> int:
    step = _round_step(n)
    down = (n // step) * step
    return down - step if down >= n else down


def _round_up(n: int) -> int:
    step = _round_step(n)
    return (n // step + 1) * step


def _ordinal(n: int) -> str:
    if n in _ORDINAL:
        return _ORDINAL[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _hedged(n: int, hedge: str, vague_ok: bool) -> str:
    """A count with a newsroom hedge; vague forms end in "of" so a plural noun must follow."""
    if hedge == "vague" and vague_ok:
        if 10 <= n <= 14:
            return "about a dozen" if n != 12 else "a dozen"
        for low, high, words in (
            (20, 99, "dozens of"),
            (200, 999, "hundreds of"),
            (2000, 9999, "thousands of"),
            (20000, 99999, "tens of thousands of"),
            (200000, 999999, "hundreds of thousands of"),
        ):
            if low <= n <= high:
                return words
        hedge = "at least"
    if hedge == "vague":
        hedge = "at least"
    if n < 20 and hedge not in ("exact", "at least"):
        hedge = "at least"
    if hedge == "exact":
        return _count(n)
    if hedge in ("at least", "up to"):
        return f"{hedge} {_count(n)}"
    if hedge in ("more than", "over"):
        down = _round_down(n)
        return f"{hedge} {_count(down)}" if down > 0 else _count(n)
    if hedge in ("nearly", "almost", "close to"):
        if n % _round_step(n) == 0:
            return f"at least {_count(n)}"
        return f"{hedge} {_count(_round_up(n))}"
    step = _round_step(n)
    return f"{hedge} {_count(max(step, round(n / step) * step))}"


def _money_text(v: float, symbol: str, suffix: str = "") -> str:
    if v >= 1e12:
        text = _trim(v / 1e12) + " trillion"
    elif v >= 1e9:
        text = _trim(v / 1e9) + " billion"
    elif v >= 1e6:
        text = _trim(v / 1e6) + " million"
    else:
        text = f"{round(v, -3):,.0f}"
    return f"{symbol}{text}{suffix}"


# --------------------------------------------------------------------------------------------
# Clusters


@dataclass(slots=True)
class Cluster:
    number: int
    seed: int
    spec: EventSpec
    country: Country
    when: datetime
    ref: datetime  # an earlier date the story refers back to
    upcoming: datetime  # a later date the story looks ahead to
    statics: dict[str, str]
    people: dict[str, Person]
    orgs: dict[str, Org]
    base: dict[str, float]
    running: dict[str, tuple[float, float]]  # key: (start, final)
    sources: list[Source]
    hours: list[float]
    shared: str
    shared_lines: list[str]
    unique: dict[int, list[str]]


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :] if ch.islower() else text
        if ch not in "“‘\"'(":
            return text
    return text


def _make_people(
    rng: random.Random, spec: EventSpec, country: Country, statics: dict[str, str]
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    taken: set[str] = set()

    def new(role: str, title: str, desc: str, culture: str) -> None:
        female = rng.random() < 0.45
        for _ in range(20):
            name, short = _person_name(rng, culture, female)
            if short not in taken:
                break
        taken.add(short)
        sp = "spokeswoman" if female else "spokesman"
        title = title.replace("SP", sp).format_map(statics)
        desc = desc.replace("SP", sp).format_map(statics)
        people[role] = Person(name, short, female, title, desc)

    local = country.culture
    new("leader", country.head, f"the {country.head.lower()}", local)
    roles = {
        "official": (("Interior Minister", "the interior minister"),),
        "spokes": (("government SP", "a government SP"),),
        "expert": (("analyst", "an analyst at {university}"),),
        "aid": (("Red Cross official", "an official with the Red Cross"),),
        **spec.roles,
    }
    for role in ("official", "spokes", "expert", "aid", "lead", "rival"):
        if role not in roles:
            continue
        title, desc = rng.choice(roles[role])
        culture = local
        if role == "aid" or (role == "expert" and rng.random() < 0.3):
            culture = rng.choice(_CULTURES)
        new(role, title, desc, culture)
    city2 = statics["city2"]
    new("mayor", f"{city2} Mayor", f"the mayor of {city2}", local)
    for role in ("witness", "witness2"):
        new(role, "resident", f"a resident of {city2}", local)
        person = people[role]
        occupation = rng.choice(spec.occupations or _DIS_OCCUPATIONS)
        if occupation == "student":
            age = rng.randint(18, 26)
        elif occupation.startswith(("retired", "pensioner")):
            age = rng.randint(62, 86)
        else:
            age = rng.randint(23, 64)
        statics[f"{role}_intro"] = f"{person.name}, a {age}-year-old {occupation} in {city2}"
    return people


def _company(rng: random.Random, statics: dict[str, str], taken: list[str]) -> Org:
    prefix = rng.choice([p for p in _COMPANY_PREFIXES if p not in taken])
    taken.append(prefix)
    word = statics.get("sector_word") or rng.choice([s[1] for s in _SECTORS])
    name = f"{prefix} {word} {rng.choice(_COMPANY_SUFFIXES)}"
    return Org(name, _acronym(name) if rng.random() < 0.3 else "", prefix, the=False)


def _party(rng: random.Random, taken: list[str]) -> Org:
    while True:
        adj = rng.choice("National Democratic People’s Progressive United Liberal Social "
                         "Republican Popular Civic New Patriotic".split())  # fmt: skip
        noun = rng.choice("Renewal Alliance Congress Front Movement Union Coalition Party "
                          "Reform Unity".split())  # fmt: skip
        name = f"{adj} {noun}" if noun == "Party" else f"{adj} {noun} Party"
        acr = _acronym(name)
        if acr not in taken:  # two parties never share an acronym
            taken.append(acr)
            return Org(name, acr, acr, the=True)


def _make_orgs(rng: random.Random, spec: EventSpec, statics: dict[str, str]) -> dict[str, Org]:
    orgs: dict[str, Org] = {}
    companies: list[str] = []
    parties: list[str] = []
    for key, choices in spec.orgs.items():
        if key.startswith("company"):
            orgs[key] = _company(rng, statics, companies)
        elif key.startswith("party"):
            orgs[key] = _party(rng, parties)
        else:
            name, short = rng.choice(choices)
            if name.startswith(("Interior", "National Police")) or rng.random() < 0.15:
                orgs[key] = _org(name, short, acr=False)
            elif key == "agency" and rng.random() < 0.4:
                orgs[key] = _org(f"{statics['country_adj']} {name}".replace("National ", ""),
                                 short)  # fmt: skip
            else:
                orgs[key] = _org(name, short)
    for key, org in orgs.items():
        statics[f"{key}_short"] = org.acr or org.short.removeprefix("the ")
    return orgs


def _shared_quote(
    rng: random.Random, spec: EventSpec, people: dict[str, Person], statics: dict[str, str],
    target: int,
) -> tuple[str, list[str]]:  # fmt: skip
    """The quote every source of the cluster carries word for word (about a tenth of it).

    Returns the paragraph and the template lines it used, which the articles then avoid.
    """
    speakers = [("official", spec.q_official), ("spokes", spec.q_official)]
    if spec.q_lead and "lead" in people:
        speakers.append(("lead", spec.q_lead))
    size = {role: sum(len(q.split()) for q in pool) for role, pool in speakers}
    # The speaker is drawn among those with enough to say; a long quote takes the most words.
    able = [sp for sp in speakers if size[sp[0]] >= target * 1.5] or [
        max(speakers, key=lambda sp: size[sp[0]])
    ]
    role, pool = rng.choice(able)
    person = people[role]
    raw: list[str] = []
    total = 0
    for line in rng.sample(list(pool), len(pool)):
        raw.append(line)
        total += len(line.split())
        if total >= target - 8:
            break
    lines = [line.format_map(statics) for line in raw]
    head, tail = lines[0], lines[1:]
    how = rng.choice(("said", "said in a statement", "told reporters", "said in a speech"))
    if how == "said" and rng.random() < 0.5:
        text = f"“{head},” said {person.name}, {person.desc}."
    else:
        text = f"“{head},” {person.name}, {person.desc}, {how}."
    if tail:
        text += " “" + ". ".join(tail) + ".”"
    return text, raw


def _build_cluster(number: int, size: int, seed: int, words: int) -> Cluster:
    rng = random.Random(f"kimreader-corpus:{seed}:{number}")
    spec = rng.choice(_EVENT_DRAW)
    allowed = [c for c in COUNTRIES if spec.countries == ("",) or c.bare in spec.countries]
    country = rng.choice(allowed)
    cities = list(country.cities)
    rng.shuffle(cities)
    foreign = [f for f in _FOREIGN if f != country.bare]
    when = datetime(2023, 1, 1) + timedelta(
        days=rng.randrange(3 * 365), hours=rng.randrange(24), minutes=rng.randrange(60)
    )
    statics: dict[str, str] = {
        "country": country.name,
        "country_bare": country.bare,
        "country_adj": country.adj,
        "city": cities[0][0],
        "city_pop": cities[0][1],
        "city2": cities[1][0],
        "city3": cities[2][0],
        "region": rng.choice(country.regions),
        "area": f"{rng.choice(_DIRECTIONS)} {country.bare}",
        "compass": rng.choice(_COMPASS),
        "news": country.news,
        "red_cross": country.red_cross,
        "river": country.river,
        "currency": country.currency,
        "office": country.office,
        "noun": spec.noun,
        "evs": spec.evs,
        "hist_year": str(rng.randint(1990, 2019)),
        "bank": rng.choice(_BANKS[:5]),
        "bank2": rng.choice(_BANKS[5:]),
        "foreign_adj": rng.choice(_INVESTOR_ADJ),
    }
    statics["university"] = rng.choice(_UNIVERSITIES).format(city=statics["city"])
    start = when.year - rng.randint(3, 9)
    statics["offence_years"] = f"{start}–{start + rng.randint(2, 4)}"
    statics["contract_years"] = f"{when.year}–{when.year + rng.randint(2, 3)}"
    rng.shuffle(foreign)
    statics["foreign"], statics["foreign2"] = foreign[0], foreign[1]
    if spec.statics:
        spec.statics(rng, statics)
    orgs = _make_orgs(rng, spec, statics)
    people = _make_people(rng, spec, country, statics)
    if "lead" in people:
        lead = people["lead"]
        statics["lead_him"] = "her" if lead.female else "him"
        statics["lead_his_cap"] = "Her" if lead.female else "His"
        statics["lead_his"] = "her" if lead.female else "his"
        statics["lead_last"] = lead.short
        if "party1" in orgs:
            statics["lead_party_short"] = statics["party1_short"]
    statics["official_last"] = people["official"].short

    base: dict[str, float] = {}
    for key, (kind, low, high) in spec.figures.items():
        if kind in ("count", "money", "eur", "ha") and low > 0:
            base[key] = math.exp(rng.uniform(math.log(low), math.log(high)))
        else:
            base[key] = rng.uniform(low, high)
    base["magnitude_alt"] = base.get("magnitude", 0.0) + rng.choice((-0.2, -0.1, 0.1, 0.2))
    running = {}
    for key, (_kind, low, high, f_low, f_high) in spec.running.items():
        start = math.exp(rng.uniform(math.log(low), math.log(high)))
        running[key] = (start, start * rng.uniform(f_low, f_high))

    local = [s for s in SOURCES if s.home == country.bare]
    pool = list(_GLOBAL_SOURCES)
    rng.shuffle(pool)
    rng.shuffle(local)
    sources = (local[: rng.randint(0, min(2, len(local)))] + pool)[:size]
    rng.shuffle(sources)
    hours = [0.5 + min(120.0, rng.expovariate(1 / 16) * s.lag) for s in sources]

    unique: dict[int, list[str]] = {}
    facts = list(spec.unique)
    rng.shuffle(facts)
    for fact in facts[: 1 + (rng.random() < 0.4)]:
        unique.setdefault(rng.randrange(len(sources)), []).append(fact)

    shared, shared_lines = _shared_quote(rng, spec, people, statics, round(words * 0.1))
    return Cluster(
        number, seed, spec, country, when,
        ref=when - timedelta(days=rng.randint(30, 420)),
        upcoming=when + timedelta(days=rng.randint(12, 70)),
        statics=statics, people=people, orgs=orgs, base=base, running=running,
        sources=sources, hours=hours, shared=shared, shared_lines=shared_lines, unique=unique,
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Articles


_POOL_CACHE: dict[str, dict[str, tuple[str, ...]]] = {}


def _pools(spec: EventSpec) -> dict[str, tuple[str, ...]]:
    """The sentence templates of each section of a story of this kind."""
    if spec.kind not in _POOL_CACHE:
        family = _family(spec)
        _POOL_CACHE[spec.kind] = {
            "lead": spec.lead,
            "detail": spec.detail,
            "impact": spec.impact,
            "response": spec.response,
            "context": spec.context + _FAMILY_CONTEXT[family],
            "reaction": spec.reaction,
            "outlook": spec.outlook,
            "filler": _GENERIC_FILLER + _FAMILY_FILLER[family],
        }
    return _POOL_CACHE[spec.kind]


class _Ctx(dict[str, str]):
    """Template values: static ones stored, the rest worked out (and maybe cached) on demand."""

    __slots__ = ("article",)

    def __missing__(self, key: str) -> str:
        return self.article.resolve(key)


_PERSON_SUFFIXES = ("_name", "_last", "_desc", "_intro")
_HEDGES = ("exact", "at least", "more than", "about", "nearly", "some", "vague", "an estimated",
           "almost", "over", "roughly")  # fmt: skip


class _Article:
    def __init__(self, cl: Cluster, pos: int, words: int) -> None:
        self.cl = cl
        self.src = cl.sources[pos]
        self.rng = random.Random(f"kimreader-article:{cl.seed}:{cl.number}:{pos}:{self.src.slug}")
        self.hours = cl.hours[pos]
        self.pub = cl.when + timedelta(hours=self.hours)
        self.words = words
        self.mentioned: set[str] = set()
        self.used: set[str] = set(cl.shared_lines)
        self.reuse = False  # only long articles that run out of fresh sentences repeat one
        self.hedges: dict[str, str] = {}
        self.ctx = _Ctx(cl.statics)
        self.ctx.article = self  # type: ignore[attr-defined]
        rng, src = self.rng, self.src
        self.ctx["outlet"] = src.name
        if cl.country.alt and rng.random() < 0.35:
            self.ctx["country"] = self.ctx["country_bare"] = cl.country.alt
        self.values = self._values()
        self.kinds = {k: v[0] for k, v in cl.spec.figures.items()}
        self.kinds.update({k: v[0] for k, v in cl.spec.running.items()})
        self.kinds.update(magnitude_alt="dec", crowd_police="count", missing="count",
                          rival_share="pct", seats_won="num", capacity="num", officers="count",
                          sought="num")  # fmt: skip
        self.long_units = rng.random() < 0.4
        self.local_money = rng.random() < 0.25 and cl.country.currency != "euros"

    # Figures ---------------------------------------------------------------------------------

    def _values(self) -> dict[str, float]:
        cl, rng = self.cl, self.rng
        values: dict[str, float] = {}
        for key, (kind, _low, _high) in cl.spec.figures.items():
            v = cl.base[key]
            if kind in ("count", "money", "ha", "km") and not key.startswith("hist"):
                if rng.random() < 0.3:
                    v *= rng.uniform(0.8, 1.15)
            elif kind == "pct" and rng.random() < 0.3:
                v += rng.uniform(-0.8, 0.8)
            values[key] = v
        values["magnitude_alt"] = cl.base["magnitude_alt"]
        if "magnitude" in values and rng.random() < 0.35:
            values["magnitude"] = values["magnitude_alt"]
        for key, (start, final) in cl.running.items():
            grown = 1 - math.exp(-self.hours / 20)
            values[key] = start + (final - start) * grown
            values[key + "_prev"] = start + (final - start) * (1 - math.exp(-self.hours / 40))
        if cl.spec.derive:
            cl.spec.derive(values)
        for key in cl.running:
            now, prev = round(values[key]), round(values[key + "_prev"])
            if prev >= now:
                values[key + "_prev"] = max(1, now - 1 - rng.randrange(3))
        return values

    def hedge(self, key: str) -> str:
        if key not in self.hedges:
            rng, h = self.rng, self.src.hedgy
            if key in self.cl.running and self.src.wire:
                self.hedges[key] = rng.choice(("at least", "at least", "exact", "more than"))
            elif rng.random() > h:
                self.hedges[key] = "exact"
            else:
                self.hedges[key] = rng.choice(_HEDGES[1:])
        return self.hedges[key]

    def figure(self, key: str, vague_ok: bool = True, exact: bool = False) -> str:
        base = key.removesuffix("_prev")
        kind = self.kinds[base]
        v = self.values[key]
        hedge = "exact" if exact or key != base else self.hedge(base)
        src = self.src
        if kind == "count":
            return _hedged(max(1, round(v)), hedge, vague_ok)
        if kind == "num":
            return _words(round(v))
        if kind == "dec":
            return f"{v:.1f}"
        if kind == "pct":
            if hedge in ("exact", "vague"):
                return f"{v:.1f}{src.pct}"
            word = {"nearly": "nearly", "almost": "almost", "more than": "more than",
                    "over": "more than", "at least": "more than"}.get(hedge, "about")  # fmt: skip
            n = math.ceil(v) if word in ("nearly", "almost") else math.floor(v)
            return f"{word} {n}{src.pct}"
        if kind in ("money", "eur"):
            prefix = "" if hedge in ("exact", "vague", "some") else f"{hedge} "
            if kind == "eur":
                return prefix + _money_text(v, "€")
            if self.local_money:
                local = _money_text(v * self.cl.country.rate, "", f" {self.cl.country.currency}")
                return f"{prefix}{local} ({_money_text(v, src.money)})"
            return prefix + _money_text(v, src.money)
        return self._measure(kind, v, hedge)

    def _measure(self, kind: str, v: float, hedge: str) -> str:
        units, long = self.src.units, self.long_units
        prefix = "about " if hedge in ("about", "roughly", "some", "nearly", "almost") else ""
        if kind == "ha":
            ha = _count(int(round(v, -2 if v > 1000 else 0)))
            acres = _count(int(round(v * 2.471, -2 if v > 400 else 0)))
            metric, imperial = f"{ha} hectares", f"{acres} acres"
            prefix = "" if hedge == "exact" else "more than " if hedge == "at least" else prefix
        else:
            factor, m_short, m_long, i_name = {
                "km": (0.621371, "km", "kilometres", "miles"),
                "mm": (0.03937, "mm", "millimetres", "inches"),
                "m": (3.2808, "metres", "metres", "feet"),
                "kmh": (0.621371, "km/h", "km/h", "mph"),
                "temp": (0.0, "C", "degrees Celsius", "F"),
            }[kind]
            metric_n = f"{v:.1f}".removesuffix(".0") if v < 10 else f"{round(v):,}"
            if kind == "temp":
                f = round(v * 9 / 5 + 32)
                metric = f"{round(v)} degrees Celsius" if long else f"{round(v)}C"
                imperial = f"{f}F"
                prefix = ""
            else:
                imp = v * factor
                imp_n = f"{imp:.1f}".removesuffix(".0") if imp < 10 else f"{round(imp):,}"
                sep = "" if m_short in ("C",) else " "
                metric = f"{metric_n}{sep}{m_long if long else m_short}"
                imperial = f"{imp_n} {i_name}"
                if imp_n == "1" and i_name == "miles":
                    imperial = "1 mile"
        if units == "km":
            return prefix + metric
        if units == "mi":
            return prefix + imperial
        if units == "mi_km":
            return f"{prefix}{imperial} ({metric})"
        return f"{prefix}{metric} ({imperial})"

    # Dates -------------------------------------------------------------------------------

    def _month_day(self, d: datetime, year: bool) -> str:
        british = not self.src.us
        if british:
            return f"{d.day} {_MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")
        return f"{_MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")

    def day(self) -> str:
        e, rng = self.cl.when, self.rng
        diff = (self.pub.date() - e.date()).days
        wd = _WEEKDAYS[e.weekday()]
        if diff >= 6:
            return rng.choice(("last week", f"on {self._month_day(e, False)}"))
        part = (
            f"early on {wd}" if e.hour < 6
            else f"on {wd} morning" if e.hour < 12
            else f"on {wd} afternoon" if e.hour < 18
            else f"late on {wd}" if e.hour >= 21
            else f"on {wd} evening"
        )  # fmt: skip
        return rng.choice((f"on {wd}", f"on {wd}", part))

    def ref_date(self) -> str:
        ref, pub = self.cl.ref, self.pub
        month = _MONTHS[ref.month - 1]
        forms = [f"in {month}", f"in {month} {ref.year}", f"on {self._month_day(ref, True)}"]
        if ref.year == pub.year:
            forms.append("earlier this year")
        elif ref.year == pub.year - 1:
            forms += ["last year", f"in {month} last year"]
        return self.rng.choice(forms)

    def next_date(self) -> str:
        up, pub = self.cl.upcoming, self.pub
        forms = [f"on {self._month_day(up, False)}", f"in {_MONTHS[up.month - 1]}"]
        if up.month == pub.month and up.year == pub.year:
            forms.append("later this month")
        elif (up.month - pub.month) % 12 == 1:
            forms.append("next month")
        return self.rng.choice(forms)

    # Templates -----------------------------------------------------------------------------

    def mention(self, key: str) -> str:
        person = self.cl.people[key]
        if key in self.mentioned:
            return person.short
        self.mentioned.add(key)
        return f"{person.title} {person.name}" if person.title else person.name

    def org(self, key: str) -> str:
        org = self.cl.orgs[key]
        the = "the " if org.the else ""
        if key in self.mentioned:
            if org.acr and self.rng.random() < 0.8:
                return the + org.acr
            return org.short
        self.mentioned.add(key)
        if org.acr and (key not in ("company", "company2") or self.rng.random() < 0.6):
            return f"{the}{org.full} ({org.acr})"
        return the + org.full

    def resolve(self, key: str) -> str:
        cl, rng, ctx = self.cl, self.rng, self.ctx
        if key in cl.people:
            return self.mention(key)
        if key in cl.orgs:
            return self.org(key)
        for suffix in _PERSON_SUFFIXES:
            role = key.removesuffix(suffix)
            if role != key and role in cl.people:
                person = cl.people[role]
                self.mentioned.add(role)
                if suffix == "_intro":
                    return ctx.get(key, person.name)
                return {"_name": person.name, "_last": person.short, "_desc": person.desc}[suffix]
        if key in self.values and key in self.kinds:
            text = self.figure(key)
            ctx[key] = text
            return text
        if key.endswith("_num") and key[:-4] in self.values:
            text = self.figure(key[:-4], vague_ok=False)
            ctx[key] = text
            return text
        if key.endswith("_prev") and key in self.values:
            return self.figure(key, exact=True)
        if key.endswith("_n") and key[:-2] in self.values:
            return _count(round(self.values[key[:-2]]))
        if key.endswith("_ord") and key[:-4] in self.values:
            return _ordinal(round(self.values[key[:-4]]))
        if key == "toll_attr":
            ctx[key] = rng.choice(cl.spec.attrs or _DIS_ATTRS).format_map(ctx)
            return ctx[key]
        if key == "attr":
            return rng.choice(cl.spec.attrs or _DIS_ATTRS).format_map(ctx)
        if key == "said":
            return rng.choice(_SAID).format_map(ctx)
        if key == "ev":
            return rng.choice(cl.spec.nouns)
        if key == "ev_cap":
            return _capitalise(rng.choice(cl.spec.nouns))
        if key == "day":
            return self.day()
        if key == "ref_date":
            ctx[key] = self.ref_date()
            return ctx[key]
        if key == "next_date":
            ctx[key] = self.next_date()
            return ctx[key]
        if key == "prev_time":
            return rng.choice(_PREV_TIME)
        if key == "next_rel":
            return rng.choice(_NEXT_REL)
        if key == "soon":
            return rng.choice(_SOON)
        if key == "said_w":
            return rng.choice(_SAID_WITNESS).format_map(ctx)
        raise KeyError(key)

    def fmt(self, template: str) -> str:
        return _capitalise(template.format_map(self.ctx))

    def pick(self, pool: tuple[str, ...] | list[str]) -> str | None:
        fresh = [t for t in pool if t not in self.used]
        if not fresh:
            if not self.reuse or not pool:
                return None
            fresh = list(pool)
        template = self.rng.choice(fresh)
        self.used.add(template)
        return template

    # Quotes ----------------------------------------------------------------------------------

    def quote(self, witness: bool = False) -> str | None:
        spec, rng, people = self.cl.spec, self.rng, self.cl.people
        if witness:
            role = "witness" if "witness" not in self.mentioned else "witness2"
            if role in self.mentioned:
                role = rng.choice(("witness", "witness2"))
            pool = spec.q_witness
        else:
            options = [("official", spec.q_official), ("spokes", spec.q_official),
                       ("mayor", spec.q_official), ("expert", spec.q_expert)]  # fmt: skip
            if spec.q_aid:
                options.append(("aid", spec.q_aid))
            if spec.q_lead and "lead" in people:
                options += [("lead", spec.q_lead)] * 2
            if spec.q_rival and "rival" in people:
                options.append(("rival", spec.q_rival))
            if spec.kind in ("earthquake", "flood", "wildfire", "ferry", "explosion"):
                options.append(("leader", spec.q_official))
            role, pool = rng.choice(options)
        fresh = [q for q in pool if q not in self.used]
        if not fresh:
            return None
        rng.shuffle(fresh)
        first = fresh[0]
        self.used.add(first)
        second = fresh[1] if len(fresh) > 1 and rng.random() < 0.35 else None
        if second:
            self.used.add(second)
        word = first.split(" ", 1)[0]
        if word in _LOWERABLE and rng.random() < 0.3:
            first = (
                rng.choice(_WITNESS_LEADS if witness else _QUOTE_LEADS)
                + word.lower()
                + first[len(word) :]
            )
        intro = f"{{{role}_intro}}" if witness and role not in self.mentioned else None
        if intro:
            self.mentioned.add(role)
        who = intro or f"{{{role}}}"
        if witness and intro:
            forms = [f"“{first},” said {who}.", f"{who}, said: “{first}.”"]
        elif witness:
            forms = [f"“{first},” {who} {{said_w}}.", f"“{first},” said {who}."]
        else:
            forms = [
                f"“{first},” {who} {{said}}.",
                f"“{first},” said {who}.",
                f"{who} {{said}}: “{first}.”",
            ]
            if role in ("official", "expert", "aid", "spokes") and role not in self.mentioned:
                forms.append(f"“{first},” said {{{role}_name}}, {{{role}_desc}}.")
        text = rng.choice(forms)
        if second:
            text += f" “{second}.”"
        return self.fmt(text)

    # Sentences and paragraphs ----------------------------------------------------------------

    def sentence(self, section: str) -> str | None:
        spec = self.cl.spec
        if section == "quote":
            return self.quote()
        if section == "witness":
            return self.quote(witness=True)
        template = self.pick(_pools(spec)[section])
        if template is None:
            return None
        if section == "lead" and "death toll" in template:
            # The lead already gives the rise; "The death toll rose to ..." would repeat it.
            self.used.update(t for t in spec.detail if t.startswith("The death toll"))
        if section != "lead" and template.startswith(_OPENABLE) and self.rng.random() < 0.22:
            opener = self.rng.choice(_OPENERS)
            template = opener + template[0].lower() + template[1:]
        return self.fmt(template)

    def body(self) -> list[str]:
        rng, words, cl = self.rng, self.words, self.cl
        target = words * rng.uniform(0.9, 1.1)
        count = min(rng.randint(8, 14), max(3, round(target / 40)))
        middle = ["impact", "response", "quote", "context", "witness", "reaction", "detail",
                  "quote", "impact", "response", "context", "witness", "quote"]  # fmt: skip
        rng.shuffle(middle)
        plan = ["lead", "detail", *middle[: max(0, count - 4)], "outlook"]
        plan.insert(min(len(plan) - 1, rng.randint(2, 4)), "shared")
        uniques = list(cl.unique.get(cl.sources.index(self.src), ()))
        unique_at = {rng.randrange(2, len(plan)) for _ in uniques} if len(plan) > 2 else {1}
        prose = ("detail", "impact", "context", "response", "reaction", "outlook", "filler")
        paragraphs: list[str] = []
        done = 0
        quotes = 0
        for i, section in enumerate(plan):
            if section == "shared":
                paragraphs.append(cl.shared)
                done += len(cl.shared.split())
                continue
            budget = (target - done) / (len(plan) - i)
            sentences: list[str] = []
            size = 0
            if uniques and (i in unique_at or i == len(plan) - 1):
                sentences.append(self.fmt(uniques.pop()))
                size += len(sentences[-1].split())
            in_para = 0
            while not sentences or size + 10 < budget:
                if section == "lead":
                    order: tuple[str, ...] = ("lead",) if not sentences else ("detail",)
                elif section in ("quote", "witness"):
                    # At most two quotes in a row and about six an article; then reported speech.
                    order = (section, *prose) if in_para < 2 and quotes < 6 else prose
                else:
                    order = (section, *prose)
                text = None
                for pool in order:
                    text = self.sentence(pool)
                    if text:
                        if pool in ("quote", "witness"):
                            in_para += 1
                            quotes += 1
                        break
                if text is None:
                    break
                sentences.append(text)
                size += len(text.split())
                if section == "lead" and (size > budget * 0.6 or rng.random() < 0.5):
                    break
            if sentences:
                paragraphs.append(" ".join(sentences))
                done += size
        fallbacks = (*prose, "quote", "witness")
        for _ in range(200):
            if done >= target * 0.92:
                break
            text = self.sentence(rng.choice(fallbacks))
            if text is None:
                self.reuse = True
                continue
            # Lengthen the shortest paragraph rather than add one (8-14 paragraphs).
            shortest = min(
                (i for i in range(1, len(paragraphs) - 1) if paragraphs[i] != cl.shared),
                key=lambda i: len(paragraphs[i]),
                default=len(paragraphs) - 1,
            )
            paragraphs[shortest] += " " + text
            done += len(text.split())
        return paragraphs

    # Furniture -------------------------------------------------------------------------------

    def headline(self) -> str:
        pool = self.cl.spec.headline
        pos = self.cl.sources.index(self.src)
        template = pool[(self.cl.number + pos) % len(pool)]
        if self.rng.random() < 0.3:
            template = self.rng.choice(pool)
        saved = set(self.mentioned)
        text = _capitalise(template.format_map(self.ctx))
        self.mentioned = saved
        if self.src.title_case:
            words = text.split(" ")
            text = " ".join(
                w
                if (w in _SMALL_WORDS and i and not words[i - 1].endswith(":"))
                or not w[:1].isalpha()
                else _capitalise(w)
                for i, w in enumerate(words)
            )
        return text

    def date_line(self) -> str:
        rng, p = self.rng, self.pub
        style = rng.choice(self.src.dates)
        month, mon = _MONTHS[p.month - 1], _MONTHS[p.month - 1][:3]
        hm = f"{p.hour:02d}:{p.minute:02d}"
        h12 = f"{(p.hour - 1) % 12 + 1}:{p.minute:02d}"
        ampm = "a.m." if p.hour < 12 else "p.m."
        updated = p + timedelta(minutes=rng.randint(20, 600))
        if style == 0:
            line = f"Published: {p.day} {month} {p.year} {hm}"
            if rng.random() < 0.25:
                line += f" | Updated: {updated.day} {_MONTHS[updated.month - 1]} {updated.year}"
                line += f" {updated.hour:02d}:{updated.minute:02d}"
            return line
        if style == 1:
            return f"Updated {month} {p.day}, {p.year}" + (
                f" {h12} {ampm} GMT" if rng.random() < 0.5 else ""
            )
        if style == 2:
            return f"{month} {p.day}, {p.year} {h12} {'AM' if p.hour < 12 else 'PM'}"
        if style == 3:
            return f"Published {p.year}-{p.month:02d}-{p.day:02d} {hm} UTC"
        if style == 4:
            day = _WEEKDAYS[p.weekday()][:3]
            return f"{day} {p.day} {mon} {p.year} {p.hour:02d}.{p.minute:02d} GMT"
        if style == 5:
            return f"Updated: {_WEEKDAYS[p.weekday()]}, {month} {p.day}, {p.year}, {h12} {ampm}"
        if style == 6:
            return f"Published On {p.day} {mon} {p.year}"
        if style == 7:
            return f"{mon} {p.day}, {p.year}, {h12} {'am' if p.hour < 12 else 'pm'}"
        return f"Published: {p.day:02d}.{p.month:02d}.{p.year}, {hm}"

    def reporter(self) -> str:
        culture = self.rng.choice(("english", "english", self.cl.country.culture))
        return _person_name(self.rng, culture, self.rng.random() < 0.5)[0]

    def render(self) -> str:
        rng, src, cl = self.rng, self.src, self.cl
        title = self.headline()
        if not src.wire and rng.random() < 0.12:
            title += f" | {src.name}"
        lines = [title, self.date_line()]
        if rng.random() < src.byline:
            names = self.reporter()
            if rng.random() < 0.25:
                names += f" and {self.reporter()}"
            sep = rng.choice((" | ", ", ")) if rng.random() < 0.6 else ""
            lines.append(f"By {names}{sep + src.name if sep else ''}")
        paragraphs = self.body()
        city = cl.statics["city"]
        if src.wire == "Reuters":
            place = city.upper()
            if rng.random() < 0.4:
                place += f", {_MONTHS[cl.when.month - 1][:3]} {cl.when.day}"
            paragraphs[0] = f"{place} (Reuters) - {paragraphs[0]}"
        elif src.wire == "AP":
            paragraphs[0] = f"{city.upper()}, {cl.country.bare} (AP) — {paragraphs[0]}"
        elif src.wire == "AFP":
            paragraphs[0] = f"{city} (AFP) - {paragraphs[0]}"
        elif rng.random() < 0.2:
            paragraphs[0] = f"{city.upper()} — {paragraphs[0]}"
        if rng.random() < 0.08 and len(paragraphs) > 4:
            chrome = rng.choice(("Advertisement", "Share this article", "ADVERTISEMENT"))
            paragraphs.insert(rng.randint(2, len(paragraphs) - 2), chrome)
        tail: list[str] = []
        if src.wire == "Reuters":
            tail.append(f"Reporting by {self.reporter()} in {city}; Additional reporting by "
                        f"{self.reporter()}; Editing by {self.reporter()}")  # fmt: skip
        elif src.wire == "AP":
            tail.append(f"Associated Press writer {self.reporter()} in {cl.statics['city2']} "
                        "contributed to this report.")  # fmt: skip
        elif src.wire == "AFP":
            tail.append(f"© {self.pub.year} AFP")
        elif rng.random() < 0.15:
            tail.append(f"© {self.pub.year} {src.name}. All rights reserved.")
        gap = "\n\n" if rng.random() < 0.8 else "\n"
        text = "\n".join(lines) + "\n\n" + gap.join(paragraphs + tail) + "\n"
        if src.us:
            text = _US_RE.sub(lambda m: _US_SPELLING[m.group(1)], text)
        if not src.curly:
            text = text.translate(_STRAIGHT)
        return text.replace("  ", " ").replace(" ,", ",")


# --------------------------------------------------------------------------------------------
# Public API


def _cluster_sizes(count: int, seed: int) -> list[int]:
    rng = random.Random(f"kimreader-corpus-sizes:{seed}")
    sizes: list[int] = []
    left = count
    while left > 0:
        size = rng.randint(3, 6)
        if left <= 6:
            size = left
        elif left - size < 3:
            size = left - 3
        sizes.append(size)
        left -= size
    return sizes


def _write_clusters(out_dir: Path, jobs: list[tuple[int, int]], seed: int, words: int) -> list[str]:
    """Write the clusters ``jobs`` ((number, size) pairs); the file names, in order."""
    names: list[str] = []
    for number, size in jobs:
        cluster = _build_cluster(number, size, seed, words)
        for pos, source in enumerate(cluster.sources):
            text = _Article(cluster, pos, words).render()
            name = f"{number:05d}_{source.slug}.txt"
            with open(out_dir / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            names.append(name)
    return names


def generate(
    out_dir: Path, count: int, seed: int = 7, words: int = 600, workers: int | None = None
) -> list[Path]:
    """Write ``count`` articles to ``out_dir`` and return their paths, in cluster order.

    Clusters are independent, so large corpora are written by several processes (``workers``,
    by default one per core for 2,000 articles or more); the bytes do not depend on it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = list(enumerate(_cluster_sizes(count, seed)))
    if workers is None:
        workers = min(8, os.cpu_count() or 1) if count >= 2000 else 1
    names: list[str] = []
    if workers > 1 and len(jobs) > 1:
        step = max(1, math.ceil(len(jobs) / (workers * 4)))
        chunks = [jobs[i : i + step] for i in range(0, len(jobs), step)]
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_write_clusters, out_dir, c, seed, words) for c in chunks]
                for future in futures:
                    names.extend(future.result())
        except (OSError, NotImplementedError, BrokenProcessPool):
            names = _write_clusters(out_dir, jobs, seed, words)  # no processes here: one is fine
    else:
        names = _write_clusters(out_dir, jobs, seed, words)
    return [out_dir / name for name in names]


def _check() -> None:
    """Generate 200 articles twice (once in worker processes) and compare the bytes."""
    with tempfile.TemporaryDirectory(prefix="kimreader-gen-") as tmp:
        a, b = Path(tmp, "a"), Path(tmp, "b")
        started = time.perf_counter()
        first = generate(a, 200, workers=1)
        seconds = time.perf_counter() - started
        second = generate(b, 200, workers=2)
        assert len(first) == 200, len(first)
        assert [p.name for p in first] == [p.name for p in second]
        assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in first)
        for x, y in zip(first, second, strict=True):
            assert x.read_bytes() == y.read_bytes(), x.name
        counts = [len(p.read_text(encoding="utf-8").split()) for p in first]
        clusters = len({p.name.split("_")[0] for p in first})
    print(f"ok: 200 articles byte-identical across two runs ({seconds:.2f} s per run)")
    print(f"average words: {sum(counts) / len(counts):.0f} (min {min(counts)}, max {max(counts)})")
    print(f"clusters: {clusters}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("out_dir", nargs="?", type=Path, help="folder to write the articles to")
    parser.add_argument("--count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=600, help="average words per article")
    parser.add_argument("--workers", type=int, help="processes (default: one per core)")
    parser.add_argument("--check", action="store_true", help="self-check determinism and exit")
    args = parser.parse_args(argv)
    if args.check:
        _check()
        return 0
    if args.out_dir is None or args.count is None:
        parser.error("OUT_DIR and --count N are required (or pass --check)")
    started = time.perf_counter()
    paths = generate(args.out_dir, args.count, args.seed, args.words, workers=args.workers)
    print(f"wrote {len(paths)} articles to {args.out_dir} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
