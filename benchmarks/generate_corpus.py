"""Deterministic generator of a synthetic machine-translated Chinese->English news corpus.

Holds phrase banks and sentence templates in the register of machine-translated provincial,
county, business and culture news, an article builder that fills them, and injectors that add
the artifacts mtclean exists to fix (about one per 500 words), among traps that must be left
alone at their natural frequency (``U.S.``, ``No. 1``, ``3.5 percent``, ``Co., Ltd.``,
``a.m.``, ``e.g.``, ``xx.gov.cn``, ``more and more``, ``Yang Yang``).

    python benchmarks/generate_corpus.py --size-mb 20 --seed 1 -o corpus.jsonl
    python benchmarks/generate_corpus.py --size-mb 5 -o articles/          # one .txt each
    python benchmarks/generate_corpus.py --size-mb 20 -o corpus.jsonl.gz   # gzip

All randomness comes from ``random.Random`` instances seeded from ``--seed`` (one for the
articles, one per article for its artifacts): the same seed and size give byte-identical
output, and ``--clean`` gives the very same articles without artifacts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from contextlib import ExitStack
from itertools import accumulate
from typing import BinaryIO, Callable, Iterator

MIB = 1024 * 1024
MIN_TEXT_BYTES = 2048
MAX_TEXT_BYTES = 8192
TARGET_TEXT_BYTES = (2300, 7100)  # clean text; injections add at most a few hundred bytes
CLOSING_RESERVE_BYTES = 260
SENTENCE_ATTEMPTS = 6
SLOT_ATTEMPTS = 4
STRAIGHT_QUOTE_SHARE = 0.25  # the rest print curly quotes, as most portals do
MIN_CLEAN_BYTES = MIN_TEXT_BYTES + 64  # a glued sentence or two must not take it below the minimum
MAX_CLEAN_BYTES = MAX_TEXT_BYTES - 600  # room for a caption and other injected text
MAX_TEMPLATE_USES = 2  # per article, so 20 MB does not read as a loop of a few sentences
WORDS_PER_ARTIFACT = 500
RECORD_OVERHEAD_BYTES = 70  # JSON keys, quotes and id around title/text/url/date
FIRST_YEAR, LAST_YEAR = 2019, 2024

# --------------------------------------------------------------------------------------------
# Names and places
# --------------------------------------------------------------------------------------------

SURNAMES = (
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song",
    "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan",
    "Pan", "Jiang", "Cai", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren",
    "Shen", "Yao", "Jin", "Shi", "Fu", "Zhong", "Qin", "Bai", "Long", "Niu", "Tan", "Kong",
    "Yan", "Qian", "Dai", "Mao", "Fang", "Zou", "Xiong", "Meng", "Hou", "Duan", "Lei",
)
GIVEN_SYLLABLES = (
    "jun", "hai", "yu", "ting", "wei", "ming", "hua", "jian", "guo", "qiang", "li", "na",
    "fang", "min", "jing", "xin", "hong", "bo", "yan", "lei", "jie", "ping", "tao", "chao",
    "yong", "feng", "gang", "bin", "hui", "lan", "xia", "yun", "qing", "zhi", "wen", "hao",
    "peng", "rui", "kai", "dong", "lin", "xiao", "mei", "ying", "shan", "chun", "liang",
    "bing", "cheng", "zhen", "yi", "ning", "chang", "shuo", "nai", "xue", "jia", "zi", "han",
    "yang", "fei", "lu", "ke", "sheng", "de", "wu", "an", "song", "xiang", "yao",
)
DOUBLED_NAMES = ("Yang Yang", "Li Li", "Lin Lin", "Dong Dong", "Fang Fang", "Ting Ting")
LITERAL_SURNAMES = (
    ("Huang", "Yellow"), ("Bai", "White"), ("Lin", "Forest"), ("Shi", "Stone"),
    ("Jin", "Gold"), ("Long", "Dragon"), ("Ma", "Horse"), ("Niu", "Cattle"), ("Gao", "High"),
    ("Tian", "Field"), ("Qian", "Money"), ("Xiong", "Bear"), ("Fang", "Square"),
    ("Yang", "Poplar"), ("Lei", "Thunder"),
)
PROVINCES = (
    ("Hubei", ("Wuhan", "Xianning", "Yichang", "Xiangyang", "Jingzhou", "Huanggang",
               "Xiaogan", "Shiyan", "Enshi", "Suizhou")),
    ("Hunan", ("Changsha", "Yueyang", "Changde", "Hengyang", "Zhuzhou", "Xiangtan",
               "Yongzhou", "Huaihua", "Chenzhou", "Loudi")),
    ("Henan", ("Zhengzhou", "Luoyang", "Xinyang", "Nanyang", "Kaifeng", "Zhoukou",
               "Xuchang", "Anyang")),
    ("Jiangxi", ("Nanchang", "Ganzhou", "Jiujiang", "Shangrao", "Ji'an", "Yichun",
                 "Pingxiang", "Jingdezhen")),
    ("Anhui", ("Hefei", "Wuhu", "Anqing", "Fuyang", "Lu'an", "Bengbu", "Huangshan", "Chuzhou")),
    ("Jilin", ("Changchun", "Siping", "Tonghua", "Baishan", "Songyuan", "Liaoyuan")),
    ("Shandong", ("Jinan", "Qingdao", "Yantai", "Weifang", "Linyi", "Zibo", "Jining", "Rizhao")),
    ("Guizhou", ("Guiyang", "Zunyi", "Anshun", "Bijie", "Tongren", "Liupanshui")),
    ("Yunnan", ("Kunming", "Qujing", "Dali", "Lijiang", "Pu'er", "Baoshan")),
    ("Sichuan", ("Chengdu", "Mianyang", "Yibin", "Luzhou", "Nanchong", "Leshan", "Dazhou")),
    ("Zhejiang", ("Hangzhou", "Ningbo", "Wenzhou", "Huzhou", "Jiaxing", "Shaoxing", "Jinhua",
                  "Lishui", "Quzhou")),
    ("Fujian", ("Fuzhou", "Xiamen", "Quanzhou", "Zhangzhou", "Sanming", "Nanping", "Longyan",
                "Ningde")),
    ("Guangxi", ("Nanning", "Guilin", "Liuzhou", "Beihai", "Wuzhou", "Baise", "Hechi")),
    ("Shaanxi", ("Xi'an", "Baoji", "Hanzhong", "Yan'an", "Yulin", "Ankang", "Shangluo")),
    ("Gansu", ("Lanzhou", "Tianshui", "Jiuquan", "Zhangye", "Dingxi")),
    ("Hebei", ("Shijiazhuang", "Baoding", "Tangshan", "Handan", "Chengde", "Zhangjiakou")),
    ("Jiangsu", ("Nanjing", "Suzhou", "Wuxi", "Xuzhou", "Yangzhou", "Nantong", "Yancheng")),
    ("Guangdong", ("Guangzhou", "Foshan", "Dongguan", "Shantou", "Zhanjiang", "Meizhou",
                   "Shaoguan")),
    ("Heilongjiang", ("Harbin", "Qiqihar", "Mudanjiang", "Jiamusi", "Daqing")),
    ("Shanxi", ("Taiyuan", "Datong", "Changzhi", "Jincheng", "Yuncheng", "Linfen")),
)
PLACE_SYLLABLES = (
    "an", "ning", "yuan", "xin", "feng", "ling", "shan", "he", "kang", "ping", "lu", "shui",
    "qing", "yang", "chang", "tai", "jiang", "hu", "long", "bao", "fu", "dong", "xi", "nan",
    "hua", "jin", "yun", "song", "tong", "ze", "mei", "gu", "heng", "chun", "wu", "le",
    "rong", "de", "zhu", "guan", "ren", "shou", "pu", "tian", "yong", "cheng",
)
COMPANY_CORES = (
    "Hongda", "Jinyuan", "Xinhua", "Tianrun", "Huaxing", "Changjiang", "Zhongke", "Ruifeng",
    "Shengtai", "Guoxin", "Dongfang", "Jiahe", "Yongtai", "Lianchuang", "Haitian", "Kaiyuan",
    "Hengrui", "Xingyun", "Baolong", "Jiuzhou", "Runfeng", "Minsheng", "Anda", "Fuxing",
)
COMPANY_TRADES = (
    "New Energy Technology", "New Materials", "Biopharmaceutical", "Intelligent Equipment",
    "Food", "Textile", "Electronic Information", "Tea Industry", "Modern Logistics",
    "Agricultural Development", "Auto Parts", "Precision Machinery", "Photovoltaic Technology",
    "Cultural Tourism", "Green Building Materials", "Lithium Battery", "Semiconductor",
    "Ecological Agriculture", "Health Industry", "Digital Technology",
)
COMPANY_FORMS = ("Co., Ltd.", "Co., Ltd.", "Group Co., Ltd.", "Group", "Industrial Park")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
ORDINAL_WORDS = ("First", "Second", "Third", "Fourth", "Fifth")
DOC_KINDS = (
    ("Implementation Plan for", "Implementation Scheme for", "Plan"),
    ("Several Measures on", "Several Policies on", "Measures"),
    ("Guiding Opinions on", "Guidance Opinions on", "Opinions"),
    ("Three-Year Action Plan for", "Three-Year Action Program for", "Action Plan"),
    ("Work Plan for", "Working Plan for", "Plan"),
    ("Implementation Opinions on", "Opinions on the Implementation of", "Opinions"),
    ("Notice on", "Circular on", "Notice"),
)
DOC_SUBJECTS = (
    ("Further Optimizing the Business Environment",
     "Further Improving the Business Environment"),
    ("Promoting the High-quality Development of the Private Economy",
     "Promoting the High-quality Growth of the Private Economy"),
    ("Comprehensively Promoting Rural Revitalization",
     "Comprehensively Advancing Rural Vitalization"),
    ("Strengthening Political Consultative Work in the New Era",
     "Strengthening Political Consultation Work in the New Era"),
    ("Accelerating the Construction of a Modern Industrial System",
     "Speeding up the Construction of a Modern Industrial System"),
    ("Deepening the Integrated Development of Culture and Tourism",
     "Deepening the Integration of Culture and Tourism"),
    ("Strengthening Flood Control and Drought Relief",
     "Strengthening Flood Prevention and Drought Relief"),
    ("Promoting the Digital Transformation of Manufacturing",
     "Promoting the Digitalization of Manufacturing"),
    ("Improving the Grassroots Governance System",
     "Improving the Primary-level Governance System"),
    ("Stabilizing and Expanding Employment",
     "Stabilizing and Expanding Jobs"),
)
WHOLE_DOCS = (
    ("Excerpts of Xi Jinping’s Essays on Grassroots Governance",
     "Excerpts of Xi Jinping’s Theory on Grassroots Governance", "Excerpts"),
    ("Xi Jinping: The Governance of China", "Xi Jinping: The Governance of the Country",
     "book"),
    ("Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era Study Outline",
     "Xi Jinping’s Socialism with Chinese Characteristics for a New Era Study Outline",
     "Outline"),
    ("Selected Readings from the Works of Xi Jinping",
     "Selected Works of Xi Jinping Readings", "Readings"),
)

# --------------------------------------------------------------------------------------------
# Grammar: each key expands to one of its alternatives; {slot} recurses
# --------------------------------------------------------------------------------------------

GRAMMAR: dict[str, tuple[str, ...]] = {
    # ---- policy verb phrases shared by every topic -----------------------------------------
    "must": (
        "adhere to the guidance of Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
        "fully implement the spirit of the 20th National Congress of the Communist Party of China",
        "firmly establish the orientation of focusing on the grassroots",
        "further improve the modernization of the {field} system and {field} capabilities",
        "give full play to the leading role of grassroots party organizations",
        "consolidate and expand the achievements of {campaign}",
        "solidly promote {campaign}",
        "effectively strengthen organizational leadership",
        "resolutely shoulder the political responsibility for {responsibility}",
        "continuously optimize the business environment",
        "strive to solve the urgent, difficult and anxious problems of the masses",
        "promote the deep integration of {sector_a} and {sector_b}",
        "accelerate the construction of a modern industrial system with {place} characteristics",
        "strengthen bottom-line thinking and prevent and defuse major risks",
        "implement the {small_n} measures item by item",
        "focus on key links such as {link}, {link} and {link}",
        "build a solid ecological security barrier in the {river} basin",
        "improve the long-term mechanism for {field}",
        "closely combine theory with practice",
        "take the initiative to serve and integrate into {strategy}",
        "transform the learning results into a powerful force for promoting {goal}",
        "unswervingly follow the path of {path}",
        "vigorously cultivate civilized rural customs, good family traditions and simple folk customs",
        "tighten and compact responsibilities at all levels",
        "carry out in-depth investigation and research",
        "do a good job in {work} with higher standards and stricter requirements",
        "make every effort to stabilize growth, promote reform, adjust the structure, benefit people's livelihood and prevent risks",
        "accurately grasp the rich connotations, core essences and practical requirements",
        "speed up filling the shortcomings in {shortcoming}",
        "deepen the reform of {reform}",
        "continuously enhance the masses’ sense of gain, happiness and security",
        "cultivate and expand the {industry_lc} cluster",
        "strengthen the construction of the cadre team",
        "hold the bottom line of no large-scale return to poverty",
        "promote the early start of {small_n} key projects",
        "improve the quality and efficiency of {service}",
        "implement the responsibility system for {responsibility}",
        "coordinate development and security",
        "keep close contact with the masses and listen carefully to their opinions",
        "strengthen the awareness of the overall situation",
        "seize the window period of {window}",
        "adhere to the problem orientation and goal orientation",
        "strictly implement the spirit of the eight-point regulations of the Central Committee",
        "promote the extension of high-quality resources to {grassroots_unit}",
        "improve the mechanism for linking the interests of enterprises and farmers",
        "build a new development pattern",
        "accelerate the cultivation of new quality productive forces",
        "improve the level of {field} in an all-round way",
        "further reduce the burden on the grassroots",
        "plan and promote the work of {work} in a scientific way",
    ),
    "must_final": (
        "lay a solid foundation for {goal}",
        "make new and greater contributions to {goal}",
        "strive to write a new chapter of {goal_chapter}",
        "provide strong guarantees for {goal}",
        "continuously open up a new situation in {work}",
    ),
    "strive": (
        "achieve the annual goals and tasks",
        "take the lead in {goal} in the province",
        "build {place} into an important {hub} in the region",
        "make new breakthroughs in {work}",
        "achieve a good start in the first quarter",
        "hand over a satisfactory answer sheet to the masses",
        "create a first-class business environment",
        "realize the doubling of the output value of {industry_lc} by {next_year}",
    ),
    "field": (
        "grassroots governance", "social governance", "ecological environment protection",
        "food security", "emergency management", "urban governance", "public health",
        "market supervision", "safe production", "rural governance",
    ),
    "campaign": (
        "the thematic education", "the poverty alleviation campaign",
        "the rural revitalization strategy", "the “Ten Thousand Enterprises Revitalizing Ten Thousand Villages” action",
        "the construction of beautiful and livable villages", "the rectification of formalism",
        "the “Three Rural Issues” work", "the special action for improving the business environment",
        "the river and lake chief system", "the rural toilet revolution",
    ),
    "responsibility": (
        "safe production", "flood control and disaster relief", "food security",
        "ecological environment protection", "ideological work", "comprehensive and strict party governance",
        "forest fire prevention", "stabilizing employment",
    ),
    "sector_a": (
        "culture", "agriculture", "manufacturing", "the digital economy", "education",
        "scientific and technological innovation",
    ),
    "sector_b": (
        "tourism", "the real economy", "modern services", "industrial development",
        "rural e-commerce", "green development",
    ),
    "link": (
        "project attraction", "talent introduction", "land guarantee", "financing services",
        "factor supply", "market expansion", "brand building", "cold chain logistics",
        "quality supervision", "credit construction",
    ),
    "river": ("Yangtze River", "Yellow River", "Han River", "Pearl River", "Huai River", "Xiang River"),
    "strategy": (
        "the new development pattern", "the coordinated development of the Yangtze River Economic Belt",
        "the construction of the Chengdu-Chongqing economic circle", "the rise of central China",
        "the high-quality development of the Yellow River basin", "the Belt and Road Initiative",
    ),
    "goal": (
        "high-quality development", "the comprehensive revitalization of the countryside",
        "Chinese-style modernization", "building a strong province with modern agriculture",
        "the revitalization of the old industrial base", "common prosperity",
        "building a beautiful {place}",
    ),
    "goal_chapter": (
        "Chinese-style modernization in {place}", "high-quality development in the new era",
        "rural revitalization", "the construction of a happy {place}",
    ),
    "path": (
        "ecological priority and green development", "innovation-driven development",
        "common prosperity", "socialism with Chinese characteristics",
    ),
    "work": (
        "flood control and drought relief", "investment promotion", "project construction",
        "the protection of the ecological environment", "grassroots party building",
        "stabilizing employment", "spring ploughing and production", "urban renewal",
        "the prevention and control of forest fires", "the construction of the talent team",
    ),
    "shortcoming": (
        "infrastructure", "public services", "rural water supply", "elderly care services",
        "medical and health services", "cold chain logistics facilities",
    ),
    "reform": (
        "state-owned assets and state-owned enterprises", "the medical and health system",
        "the collective forest rights system", "rural homesteads", "the investment and financing system",
        "administrative approval",
    ),
    "service": (
        "government services", "financial services", "public legal services",
        "employment services", "elderly care services",
    ),
    "window": (
        "the policy", "the industrial transfer", "spring construction", "the peak tourist season",
    ),
    "grassroots_unit": ("towns and villages", "the grassroots", "rural areas", "communities"),
    "hub": (
        "logistics hub", "advanced manufacturing base", "tourist destination",
        "regional central city", "green agricultural products base",
    ),
    "industry_lc": (
        "new energy", "new materials", "biomedicine", "electronic information", "tea",
        "equipment manufacturing", "green food", "cultural tourism", "modern logistics",
        "lithium battery",
    ),
    "industry": (
        "semiconductors", "intelligent manufacturing",
        "new energy", "new materials", "biomedicine", "electronic information", "equipment manufacturing",
        "green food processing", "textiles and garments", "automobile parts",
    ),
    # ---- meeting and study sessions ----------------------------------------------------------
    "meeting_kind": (
        "collective study meeting of the {level} Party Committee Theoretical Study Center Group",
        "meeting of the Standing Committee of the {level} Party Committee",
        "special meeting on {work}",
        "symposium on {work}",
        "work promotion meeting on {work}",
        "video and telephone conference on {work}",
    ),
    "study_obj": (
        "General Secretary Xi Jinping’s important expositions on {field}",
        "the spirit of General Secretary Xi Jinping’s important speech during his inspection in {province}",
        "the spirit of the Central Economic Work Conference",
        "the spirit of the Third Plenary Session of the 20th Central Committee",
        "the spirit of the national conference on {work}",
        "the important instructions on {work}",
    ),
    "deploy_obj": (
        "the next step of {work}", "the key tasks of {work} in the second half of the year",
        "the work of {work} in the whole {unit}", "the implementation measures of the whole {unit}",
    ),
    "report_obj": (
        "the economic operation in the first {small_n} months", "the progress of key projects",
        "the rectification of problems found by inspection", "the work of {work}",
    ),
    "pointed_out": (
        "doing a good job in {field} is related to consolidating the party’s ruling foundation and safeguarding the fundamental interests of the people",
        "the current situation of {work} is still complex and severe, and we must not be paralyzed or slack",
        "{place} is at a critical stage of transformation and upgrading, with both opportunities and challenges",
        "since the beginning of this year, the whole {unit} has made positive progress in {work}, but there are still some weak links",
        "{study_obj} has important guiding significance for us to do a good job in {work}",
        "it is necessary to fully understand the importance and urgency of {work}",
    ),
    "emphasis": (
        "{work} is a major political task", "the key to development lies in projects",
        "people’s livelihood is the biggest politics", "talent is the first resource",
        "the business environment is productivity", "safety is the premise of development",
    ),
    "attendees": (
        "some members of the Theoretical Study Center Group",
        "responsible comrades of {small_n} departments including the {level} Development and Reform Commission",
        "the main responsible comrades of each township",
        "representatives of enterprises and grassroots cadres",
    ),
    "speech_detail": (
        "closely combining theory with practice and exchanging their learning experiences",
        "reporting on the progress of work and putting forward suggestions for the next step",
        "clarifying the direction of the next work efforts and specific measures",
        "talking about their understanding in light of their own work",
    ),
    "demanders": (
        "party committees and governments at all levels", "all departments at all levels",
        "the main leaders of all towns and streets", "relevant functional departments",
        "leading cadres at all levels",
    ),
    "meeting_held": (
        "since the beginning of this year, the economy of the whole {unit} has maintained a stable and improving trend",
        "the work of {work} has achieved phased results, but the task is still arduous",
        "it is of great significance to do a good job in {work} for promoting {goal}",
        "the current {work} has entered a critical period",
    ),
    "so_as": (
        "ensure that all decisions and arrangements take root",
        "form a strong joint force of work",
        "let the masses truly feel the changes around them",
        "provide a strong guarantee for {goal}",
    ),
    # ---- economy ------------------------------------------------------------------------------
    "period": (
        "first half of the year", "first three quarters", "first quarter",
        "first {month_count} months", "January to {month_name}",
    ),
    "econ_sector": (
        "the manufacturing industry", "high-tech manufacturing", "the equipment manufacturing industry",
        "the new energy industry", "the pharmaceutical manufacturing industry", "the textile industry",
    ),
    "invest_area": (
        "industrial investment", "infrastructure", "technological transformation", "private investment",
        "social undertakings", "the service industry",
    ),
    "econ_view": (
        "the economy of the whole city has continued to recover, with steady progress in quality and efficiency",
        "the main indicators are better than expected and the development momentum continues to increase",
        "although external uncertainties have increased, the basic trend of long-term improvement has not changed",
        "the driving effect of major projects on the economy has become more and more obvious",
    ),
    "econ_fact": (
        "the number of new market entities reached {count}, an increase of {pct} year-on-year",
        "the general public budget revenue was {money}, an increase of {pct}",
        "the balance of various deposits in financial institutions was {big_money}, an increase of {pct}",
        "the consumer price index (CPI) rose by {small_pct} year-on-year",
        "the number of industrial enterprises above designated size reached {count}, a net increase of {small_n}",
        "the investment in high-tech industries increased by {pct}, {pct_points} percentage points higher than the overall investment",
        "online retail sales of physical goods reached {money}, up {pct}",
        "the per capita disposable income of urban residents was {yuan}, an increase of {pct}",
        "the per capita disposable income of rural residents was {yuan}, up {pct}",
        "the output of electricity reached {kwh} kilowatt-hours, an increase of {pct}",
        "the tourism revenue reached {big_money}, an increase of {pct}",
        "the added value of the digital economy core industries increased by {pct}",
        "the investment in industrial technological transformation increased by {pct}",
        "the passenger throughput of {city} airport exceeded {count} person-times",
        "the cargo throughput of the port reached {count} tons, an increase of {pct}",
        "the sales of new energy vehicles increased by {pct}, and the retail sales of communication equipment increased by {pct}",
        "the number of newly registered enterprises was {thousands_n}, up {pct}",
    ),
    "compare": ("higher", "slightly higher", "lower", "well above"),
    "econ_sector_cap": (
        "High-tech manufacturing", "Equipment manufacturing", "The new energy vehicle industry",
        "The electronic information industry", "The new materials industry",
    ),
    # ---- business -----------------------------------------------------------------------------
    "project_kind": (
        "annual output of {count} tons of {product_ind} project",
        "{industry} industrial park project",
        "intelligent manufacturing base project",
        "{product_ind} production line expansion project",
        "headquarters and R&D center project",
        "cold chain logistics park project",
    ),
    "product_ind": (
        "lithium battery cathode materials", "photovoltaic modules", "new energy vehicle parts",
        "high-end textile fabrics", "pharmaceutical intermediates", "intelligent sensors",
        "green building materials", "precision castings", "pre-made dishes", "organic fertilizer",
        "copper foil", "tea beverages",
    ),
    "spec": (
        "the research and development, production and sales of {product_ind}",
        "the production of {product_ind} and supporting services",
        "the deep processing of agricultural products",
    ),
    "company_quote": (
        "We chose {county} because of the good business environment and the efficient services here",
        "The local government has helped us solve problems such as land use and power supply in time",
        "We will speed up construction and strive to put the project into production within the year",
        "Our orders are already scheduled until {month_name} next year",
        "With the new production line, our capacity will increase by {pct}",
    ),
    "biz_fact": (
        "the project covers an area of {area} mu and mainly produces {product_ind}",
        "after the project is completed and put into production, it is expected to achieve an annual output value of {big_money} and tax revenue of {money}, and provide {jobs} jobs",
        "the company’s R&D investment accounted for {small_pct} of its operating income last year",
        "the company has obtained {small_n} invention patents and {patents} utility model patents",
        "the first phase of the project has been capped and the equipment is being installed and debugged",
        "{county} has set up a special class to provide “nanny-style” services for the project",
        "the signed projects cover {industry}, {industry}, modern agriculture and other fields",
        "its products are sold to more than {small_n} countries and regions, including the U.S., Japan and South Korea",
        "the company’s export orders to the U.S. market increased by {pct} in the first quarter",
        "the No. {small_n} production line of {company} has entered trial production",
        "the company has passed the ISO9001 quality management system certification",
        "the project is the largest single investment project in the history of {county}",
        "the annual sales revenue of {company} exceeded {money} last year",
        "{company} plans to apply for listing on the Beijing Stock Exchange within {small_n} years",
        "the company’s products have entered the supply chain of leading enterprises such as BYD and CATL",
        "the first batch of {count} tons of products has been shipped to customers in Southeast Asia",
        "more and more enterprises in the coastal areas are transferring their production capacity to {county}",
        "the project has been included in the list of provincial key projects for {year}",
    ),
    # ---- culture and tourism ----------------------------------------------------------------
    "festival_kind": (
        "Culture and Tourism Festival", "Peach Blossom Festival", "Tea Culture Festival",
        "Dragon Boat Festival", "Rapeseed Flower Festival", "Folk Culture Week",
        "Lantern Festival", "Harvest Festival", "Ice and Snow Festival", "Intangible Cultural Heritage Week",
    ),
    "venue": (
        "the {city} Cultural Center", "the square of {town}", "the ancient town of {town}",
        "the {county} Sports Center", "the scenic area along the {river}", "{village}",
    ),
    "activity": (
        "intangible cultural heritage performances", "lantern riddles", "folk song competitions",
        "photography exhibitions", "agricultural product fairs", "dragon and lion dances",
        "traditional opera performances", "food tasting", "marathon races", "poetry readings",
        "night markets", "study tours",
    ),
    "heritage": (
        "shadow puppetry", "paper-cutting", "embroidery", "local opera", "bamboo weaving",
        "the dragon dance", "blue calico printing", "clay sculpture", "tea-picking opera",
        "wood carving",
    ),
    "tourist_quote": (
        "We drove {small_n} hours to get here, and it was worth it",
        "The scenery here is beautiful and the food is delicious, I will bring my family next time",
        "I did not expect such a lively festival in a small county town",
        "This is the first time my children have seen {heritage} up close",
        "The service is very considerate, and there are volunteers everywhere to guide us",
    ),
    "culture_fact": (
        "{heritage} in {county} has a history of more than {hundreds} years and was included in the {batch} batch of national intangible cultural heritage lists in {past_year}",
        "during the festival, a total of {count} tourists were received and tourism revenue reached {money}",
        "the festival lasts for {small_n} days and includes {small_n} activities such as {activity}, {activity} and {activity}",
        "more and more young people choose to come to {county} for “immersive” travel",
        "the {county} Cultural Center has trained more than {hundreds_n} inheritors and enthusiasts",
        "the scenic area has launched {small_n} new tourist routes, covering red culture, ecological leisure and rural experience",
        "during the May Day holiday, the city received {count} tourists, an increase of {pct} year-on-year",
        "visitors can experience traditional crafts (e.g. paper-cutting and embroidery) in the workshops along the street",
        "the No. 1 Scenic Road connects {small_n} villages and {small_n} scenic spots",
        "the county has {small_n} national AAAA-level scenic spots and {small_n} provincial tourist resorts",
        "the homestay industry in {town} has developed rapidly, with {hundreds_n} homestays and {thousands_n} beds",
        "the red tourism base receives more than {count} visitors every year",
        "the {county} Museum has collected more than {thousands_n} cultural relics, including {hundreds_n} precious cultural relics",
        "the tourism route of “{heritage} experience + rural leisure” has become an internet celebrity punch-in place",
        "the total number of visitors to the {county} Library exceeded {count}",
    ),
    # ---- agriculture and rural revitalization ---------------------------------------------------
    "crop": (
        "tea", "navel oranges", "kiwi fruit", "rice", "konjac", "chestnuts", "yellow peaches",
        "bamboo shoots", "Chinese herbal medicines", "walnuts", "edible fungi",
        "crayfish", "camellia oil", "grapes",
    ),
    "agri_fact": (
        "the village has planted {area} mu of {product}, with an output value of {yuan} per mu",
        "the village collective economic income exceeded {money_small} last year",
        "more and more young people have returned to their hometowns to start businesses",
        "the cooperative adopts the model of “cooperative + base + farmers” and drives {households} households to increase their income",
        "{product} from the village are sold to Beijing, Shanghai, Guangzhou and other places",
        "the county has built {small_n} standardized bases for {product}, {crop} and {crop}, etc.",
        "characteristic products such as {crop}, {crop} and {crop}, etc., have become the “golden signboard” of the county",
        "the per capita income of villagers has increased from {yuan} to {yuan} in the past five years",
        "the village has renovated {small_n} kilometers of roads and installed {hundreds_n} solar street lights",
        "live-streaming e-commerce has become a new farm tool for villagers",
        "the village has built a {product} processing plant with an annual processing capacity of {thousands_n} tons",
        "the village has attracted {small_n} enterprises to settle in, providing more than {hundreds_n} jobs at the doorstep of villagers",
        "the high-standard farmland in the county has reached {area} mu",
        "the output of {product} in the county is expected to reach {thousands_n} tons this year",
        "the village has carried out the improvement of the living environment, and {hundreds_n} households have completed toilet renovation",
        "the rural tourism of the village received {count} tourists last year",
        "the county has trained {hundreds_n} “new farmers” and “rural craftsmen”",
    ),
    "villager_quote": (
        "In the past we worked outside all year round, now we can earn money at our doorstep",
        "My {product} sold well this year, and the income is more than {yuan}",
        "The cooperative provides seedlings and technology, and we don’t have to worry about sales",
        "Life is getting better and better, and more and more relatives come back to visit",
    ),
    # ---- flood control and safety -----------------------------------------------------------
    "flood_fact": (
        "the maximum rainfall reached {mm} millimeters at {town} station",
        "the water level of the {river} {county} section exceeded the warning level by {small_dec} meters",
        "{count} cadres and masses were organized to patrol dikes and reservoirs day and night",
        "{small_n} dangerous situations were found and dealt with in time",
        "{count} people in dangerous areas were transferred in advance",
        "the departments concerned dredged {small_n} kilometers of drainage pipes and improved drainage conditions in low-lying areas",
        "emergency materials such as woven bags, life jackets and pumps were pre-positioned in {small_n} key areas",
        "the meteorological department issued an orange rainstorm warning at {clock_pm}",
        "{small_n} rescue teams with {hundreds_n} members are on standby",
        "{small_n} small reservoirs were emptied in advance to make room for flood water",
        "power supply to {thousands_n} households affected by the rainstorm has been restored",
        "the traffic of {small_n} sections of provincial and county roads has been restored",
    ),
    "flood_must": (
        "strictly implement the 24-hour duty system",
        "strengthen the inspection of reservoirs, dikes and geological hazard points",
        "transfer the masses in dangerous areas in advance",
        "make every effort to ensure the safety of people’s lives and property",
        "strengthen joint consultation and early warning",
        "strictly implement the responsibility system of administrative heads",
        "do a good job in the resettlement of the transferred masses",
        "strengthen the investigation of hidden dangers in urban drainage",
    ),
    # ---- education, health, technology --------------------------------------------------------
    "school": (
        "{city} No. 1 Middle School",
        "{city} No. {small_n} Middle School", "{county} No. {small_n} Primary School",
        "{city} Vocational and Technical College", "{county} Experimental School",
    ),
    "hospital": (
        "{city} No. {small_n} People’s Hospital", "{county} People’s Hospital",
        "{county} Hospital of Traditional Chinese Medicine", "{city} Maternal and Child Health Hospital",
    ),
    "social_fact": (
        "{school} has added {count} new degrees this year",
        "{hospital} has set up a “one-stop” service center for the elderly",
        "the county has built {small_n} elderly care service stations covering all towns",
        "{hundreds_n} medical staff went to the countryside to provide free clinics",
        "the enrollment rate of preschool education reached {pct_value} percent",
        "the {county} government service hall has realized “one window handling” for {count} matters",
        "registration opens at 8:30 a.m. and closes at 5:00 p.m. on working days",
        "{small_n} new community canteens have been opened, providing meals for more than {hundreds_n} elderly people every day",
        "the family doctor contract service has covered {pct_value} percent of the key population",
        "{school} has built {small_n} new laboratories and a sports field",
        "the county has recruited {hundreds_n} new teachers, including {small_n} graduates from key universities",
        "the basic medical insurance participation rate remained above {pct_value} percent",
        "the “15-minute living circle” has covered all urban communities",
    ),
    "tech_fact": (
        "the authorized invention patents reached {thousands_n}, an increase of {pct}",
        "the number of high-tech enterprises in {city} reached {count}, an increase of {small_n} over last year",
        "the R&D investment intensity of the whole society reached {small_pct}",
        "the technology contract turnover reached {money}, up {pct}",
        "{company} has built a provincial-level enterprise technology center",
        "the city has built {thousands_n} 5G base stations, achieving full coverage of towns",
        "the digital economy accounted for {pct_value} percent of GDP",
        "the number of “specialized, refined, distinctive and innovative” small and medium-sized enterprises reached {hundreds_n}",
        "{company} and {university} jointly established a research institute",
        "the city has introduced {thousands_n} high-level talents of various types",
    ),
    # ---- generic connective material ----------------------------------------------------------
    "generic": (
        "It is reported that {any_fact}.",
        "In recent years, {place} has {achievement}.",
        "Since the beginning of this year, {place} has {achievement}, and {any_fact}.",
        "According to the relevant person in charge of the {bureau}, {any_fact}.",
        "Data show that {any_fact}.",
        "At the same time, {place} will {must} and {must}.",
        "In the next step, the {bureau} will {must}, {must}, and strive to {strive}.",
        "{year} is {year_significance}.",
        "At present, {any_fact}, and {any_fact}.",
        "It is understood that {any_fact}.",
        "For details, please visit the official website of the {level_lc} government (www.{domain}).",
        "The full text of the notice can be found on www.{domain}.",
        "{person_role_cap} {person} said that {place} will {must}.",
        "Reporters learned from the {bureau} that {any_fact}.",
        "This year, {place} will {must}, {must}, and {must_final}.",
        "As of the end of {month_name}, {any_fact}.",
        "“Next, we will {must} and {must},” said {person}, {person_role}.",
        "{place} will continue to {must}, and {must}.",
        "It is worth mentioning that {any_fact}.",
        "The relevant person in charge of the {bureau} said that {any_fact}, and {any_fact}.",
        "Compared with the same period last year, {any_fact}.",
    ),
    "any_fact": (
        "{econ_fact}", "{biz_fact}", "{culture_fact}", "{agri_fact}", "{social_fact}", "{tech_fact}",
    ),
    "achievement": (
        "focused on {work} and achieved remarkable results",
        "regarded {work} as the “number one project”",
        "introduced {small_n} policies to support the development of {industry}",
        "continuously improved the level of {field}",
        "built {small_n} provincial-level demonstration bases",
        "explored a new path of “party building + {industry_lc}”",
    ),
    "bureau": (
        "{level} Development and Reform Commission", "{level} Bureau of Agriculture and Rural Affairs",
        "{level} Bureau of Culture and Tourism", "{level} Bureau of Commerce",
        "{level} Bureau of Statistics", "{level} Bureau of Ecology and Environment",
        "{level} Emergency Management Bureau", "{level} Bureau of Industry and Information Technology",
        "{level} Bureau of Natural Resources and Planning", "{level} Bureau of Education",
    ),
    "year_significance": (
        "the key year for implementing the 14th Five-Year Plan",
        "the 75th anniversary of the founding of New China",
        "a crucial year for consolidating the achievements of poverty alleviation",
        "the first year of comprehensively implementing the spirit of the 20th National Congress",
    ),
    "person_role": (
        "director of the {bureau}", "deputy director of the {bureau}", "secretary of the party branch of {village}",
        "head of {town}", "general manager of {company}", "chairman of {company}",
        "a staff member of the {bureau}", "a villager of {village}", "a resident of {town}",
    ),
    "person_role_cap": (
        "Director of the {bureau}", "Deputy Director of the {bureau}", "Secretary of the Party Branch of {village}",
        "Mayor of {town}",
    ),
}

# Each topic: title, lead and closing templates, a pool of body sentences, and a weight.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "meeting": {
        "titles": (
            "{sec} presides over a collective study session of the {level} Party Committee Theoretical Study Center Group",
            "{level} Party Committee Standing Committee meeting studies {work}",
            "{sec} stresses efforts to {must}",
            "{place} deploys the work of {work}",
            "{sec}: {emphasis_title}",
        ),
        "leads": (
            "On {date_md}, {sec_title} {sec} presided over a {meeting_kind} to study {study_obj}. {sec} emphasized that we must {must}, {must}, and {must_final}.",
            "On the morning of {date_md}, the {level} Party Committee held a {meeting_kind} to convey and study {study_obj}, and to study and deploy {deploy_obj}. {sec_title} {sec} presided over the meeting and delivered a speech.",
            "On {date_md}, {sec_title} {sec} chaired a {meeting_kind}, which listened to the report on {report_obj} and studied and deployed {deploy_obj}.",
        ),
        "body": (
            "{sec} pointed out that {pointed_out}.",
            "{sec} emphasized that {emphasis}. We must {must}, {must}, and {must}.",
            "At the meeting, {attendees} made speeches one after another, {speech_detail}.",
            "It is necessary to {must}, and {must}, so as to {so_as}.",
            "{sec} demanded that {demanders} should {must} and {must}, and {must}.",
            "The meeting held that {meeting_held}.",
            "The meeting stressed that {emphasis}, and we must {must}.",
            "The meeting requested that {demanders} should {must}, {must}, and {must_final}.",
            "{head_title} {head} said that {pointed_out}, and {demanders} must {must}.",
            "{sec} stressed that {demanders} should earnestly shoulder the responsibility for {responsibility}, {must}, and {must}.",
            "The meeting listened to the report on {report_obj}, and fully affirmed the achievements made in {work} since the beginning of this year.",
            "{sec} hoped that {attendees} would {must}, and {must_final}.",
            "The meeting pointed out that {pointed_out}. At present and for a period of time to come, we must {must} and {must}.",
            "We must adhere to the people-centered development philosophy, {must}, and {must}.",
            "The meeting demanded that we must {flood_must}, {must}, and resolutely prevent major accidents.",
            "Leading cadres at all levels must take the lead in learning, {must}, and effectively transform the learning results into a powerful driving force for {goal}.",
            "{deputy_title} {deputy} made arrangements for the next step of {work}, requiring {demanders} to {must}.",
            "The meeting also studied other matters.",
            "Talking about {work}, {sec} said that {emphasis}, and {demanders} should {must} and {must}.",
            "{enumeration}",
        ),
        "closings": (
            "{deputy_title} {deputy} and other {level_lc} leaders attended the meeting.",
            "Members of the {level} Party Committee Theoretical Study Center Group and responsible comrades of relevant {level_lc} departments attended the meeting.",
            "Responsible comrades of relevant departments attended the meeting as non-voting delegates.",
        ),
    },
    "economy": {
        "titles": (
            "{place}’s GDP grows {pct} in the {period}",
            "{place}’s economy shows a steady and improving trend",
            "Main economic indicators of {place} continue to improve",
            "Industrial output of {place} exceeds {big_money}",
        ),
        "leads": (
            "According to data released by the {level} Bureau of Statistics on {date_md}, in the {period} of {year}, the gross regional product of {place} reached {big_money}, a year-on-year increase of {pct}, {compare} than the provincial average.",
            "Recently, the {level} Bureau of Statistics released the economic data for the {period}. The data show that {place}’s economy continued to recover, and the added value of industrial enterprises above designated size increased by {pct} year-on-year.",
        ),
        "body": (
            "The added value of industrial enterprises above designated size increased by {pct} year-on-year, of which {econ_sector} increased by {pct}.",
            "Fixed asset investment increased by {pct}, of which {invest_area} increased by {pct}, and {invest_area} increased by {pct}.",
            "The total retail sales of consumer goods reached {big_money}, an increase of {pct}.",
            "The total import and export volume was {big_money}, of which exports to the U.S. and the European Union accounted for {pct_value} percent.",
            "Among them, the output value of {industry} reached {big_money}, accounting for {pct_value} percent of the total industrial output value.",
            "The relevant person in charge of the {level} Bureau of Statistics said that {econ_view}.",
            "In terms of consumption, {econ_fact}, and {econ_fact}.",
            "From the perspective of industries, the added value of the primary industry was {money}, the secondary industry {big_money}, and the tertiary industry {big_money}.",
            "{econ_fact}; {econ_fact}.",
            "In terms of income, {econ_fact}.",
            "From January to {month_name}, the power consumption of the whole society increased by {pct}, and the industrial power consumption increased by {pct}.",
            "The number of “four up” enterprises reached {thousands_n}, of which {hundreds_n} were newly added this year.",
            "{econ_sector_cap} grew rapidly, with the added value increasing by {pct}, contributing {pct_value} percent to the growth of industry.",
            "In the {period}, the city completed {hundreds_n} key projects with an investment of {big_money}, completing {pct_value} percent of the annual plan.",
            "Foreign trade maintained growth, with exports of {product_ind} increasing by {pct} and exports of {product_ind} increasing by {pct}.",
            "The urban surveyed unemployment rate was {small_dec} percent, and {thousands_n} new urban jobs were created.",
            "The analysis believes that {econ_view}.",
            "Grain output reached {grain} tons, and the sown area of grain was stable at {area} mu.",
            "The added value of the service industry increased by {pct}, of which the transportation, warehousing and postal industry increased by {pct}.",
            "The loan balance of financial institutions was {big_money}, an increase of {pct} over the beginning of the year.",
        ),
        "closings": (
            "In the next step, {place} will {must}, and strive to {strive}.",
            "The person in charge said that {place} will {must} to ensure the completion of the annual targets.",
        ),
    },
    "business": {
        "titles": (
            "{company_short} project signed in {county}",
            "Total investment of {big_money}! {small_n} major projects signed in {place}",
            "{company} puts new production line into operation",
            "{county}: Projects race against time to speed up construction",
        ),
        "leads": (
            "On {date_md}, the signing ceremony of the {project_kind} was held in {county}. {company} signed an investment agreement with the {county} People’s Government, with a total investment of {big_money}.",
            "At {clock_am} on {date_md}, the commencement ceremony of the {project_kind} invested by {company} was held in the {county} Economic Development Zone.",
            "Recently, the {project_kind} of {company} in {county} was officially put into operation, marking a new step in the development of the {industry_lc} industry in {place}.",
        ),
        "body": (
            "It is reported that {biz_fact}.",
            "{company} was established in {past_year} and is a national high-tech enterprise specializing in {spec}.",
            "“{company_quote},” said {person}, general manager of {company}.",
            "Since the beginning of this year, {county} has adhered to the concept of “{slogan}”, and {biz_fact}.",
            "According to the plan, {biz_fact}, and {biz_fact}.",
            "The construction of the second phase is expected to start in {month_name} {next_year}.",
            "At the signing ceremony, {county} signed agreements on {small_n} projects with a total investment of {big_money}.",
            "{head_title} {head} said that {county} will {must} and provide all-round services for enterprises.",
            "{biz_fact}, and {biz_fact}.",
            "In order to ensure that the project is put into production as scheduled, {county} has implemented the working mechanism of “one project, one leader, one special class”.",
            "{person}, deputy director of the {county} Investment Promotion Bureau, introduced that {biz_fact}.",
            "On the construction site, dozens of construction machines were busy, and more than {hundreds_n} workers were working intensively.",
            "“{company_quote},” {person}, the person in charge of the project, told reporters.",
            "In the {period}, the total industrial output value of the park reached {big_money}, an increase of {pct} year-on-year.",
            "Since its establishment, {company} has continuously increased investment in research and development, and {biz_fact}.",
            "With the completion of the project, the {industry_lc} industrial chain of {county} will be further extended, and {biz_fact}.",
            "The relevant person in charge of the {county} Bureau of Commerce said that {county} will {must}, and {must}.",
            "It is understood that the ceremony started at {clock_am}, and representatives of more than {small_n} enterprises attended the event.",
            "At present, {biz_fact}.",
        ),
        "closings": (
            "Responsible comrades of {county} and relevant departments attended the ceremony.",
            "{deputy_title} {deputy} attended the event and delivered a speech.",
        ),
    },
    "culture": {
        "titles": (
            "The {nth} {city} {festival} opens",
            "{county}: {heritage} shines in the new era",
            "{place} welcomes a tourism boom",
            "More and more tourists come to {county} for {activity}",
        ),
        "leads": (
            "On the evening of {date_md}, the {nth} {city} {festival} kicked off in {venue}. The event is hosted by the {level} Bureau of Culture and Tourism and the {county} People’s Government.",
            "During the holiday, {place} launched a series of cultural and tourism activities such as {activity}, {activity} and {activity}, attracting a large number of tourists.",
        ),
        "body": (
            "It is reported that {culture_fact}.",
            "“{tourist_quote},” said {person}, a tourist from {other_city}.",
            "{culture_fact}, and {culture_fact}.",
            "In recent years, {county} has {achievement}, and {culture_fact}.",
            "At the opening ceremony, {activity} and {activity} won bursts of applause from the audience.",
            "{person}, an inheritor of {heritage}, has been engaged in this craft for more than {tens} years.",
            "Data show that {culture_fact}.",
            "Walking into the ancient town of {town}, visitors can see that {culture_fact}.",
            "“{tourist_quote},” said {person}, who came from {other_city} with her family.",
            "{person}, deputy director of the {level} Bureau of Culture and Tourism, introduced that {culture_fact}, and {culture_fact}.",
            "The event also set up a special area for agricultural products, where local specialties such as {crop} and {crop} were very popular.",
            "At {clock_pm}, the theatrical performance “{show}” was staged, and the audience applauded again and again.",
            "In recent years, {place} has {achievement}, and the number of tourists has increased year by year.",
            "Local hotels and homestays were fully booked during the festival.",
            "The organizers said that {culture_fact}.",
        ),
        "closings": (
            "The festival will last until {month_name} {day}.",
            "Responsible comrades of the {level} Bureau of Culture and Tourism attended the opening ceremony.",
        ),
    },
    "rural": {
        "titles": (
            "{village}: {product} becomes a “golden leaf” for farmers to increase their income",
            "{county} writes a new chapter of rural revitalization",
            "Small {product} and big industry: a visit to {village}",
        ),
        "leads": (
            "Walking into {village}, {town}, {county}, one can see neat roads, clean courtyards and rows of {product} fields.",
            "On {date_md}, the reporter came to {village}, {town}, {county}. Villagers were busy picking {product} in the fields, and the whole village was full of joy of harvest.",
        ),
        "body": (
            "It is reported that {agri_fact}.",
            "“{villager_quote},” said villager {person}.",
            "{person_role_cap} {person} introduced that {agri_fact}, and {agri_fact}.",
            "{agri_fact}, and {agri_fact}.",
            "In recent years, {county} has {achievement}, and {agri_fact}.",
            "In order to {must}, {town} has {achievement}.",
            "In the {product} base of {village}, villagers are busy weeding, fertilizing and pruning.",
            "{person}, a large grower of {product} in the village, told reporters that {agri_fact}.",
            "Thanks to the Central No. 1 Document and a series of policies to benefit farmers, {agri_fact}.",
            "The village party branch took the lead in establishing a cooperative, and {agri_fact}.",
            "Experts from the {level} Academy of Agricultural Sciences came to the village to give technical guidance on the planting of {product}.",
            "Now, {agri_fact}, and {agri_fact}.",
            "According to {person}, secretary of the party branch of {village}, {agri_fact}.",
            "In the past, {village} was a well-known poor village; now, {agri_fact}.",
            "With the help of the e-commerce platform, {product} from {village} are sold all over the country.",
        ),
        "closings": (
            "In the next step, {village} will {must} and let the villagers live a better life.",
            "The road to rural revitalization in {village} is getting wider and wider.",
        ),
    },
    "flood": {
        "titles": (
            "{place} launches Level {level_roman} emergency response for flood control",
            "{sec} inspects flood control work in {county}",
            "{place} makes every effort to cope with a new round of heavy rainfall",
        ),
        "leads": (
            "Since {date_md}, {place} has experienced continuous heavy rainfall. The {level} Flood Control and Drought Relief Headquarters launched a Level {level_roman} emergency response for flood control at {clock_pm}.",
            "On {date_md}, {sec_title} {sec} went to {county} to inspect flood control work. He emphasized that we must {flood_must} and {flood_must}.",
        ),
        "body": (
            "According to statistics, {flood_fact}.",
            "{flood_fact}, and {flood_fact}.",
            "{sec} demanded that {demanders} should {flood_must}, {flood_must}, and {flood_must}.",
            "At present, {flood_fact}.",
            "The {level} Emergency Management Bureau reminded the public to pay attention to the early warning information and avoid going to rivers, reservoirs and other dangerous areas.",
            "At {clock_pm} on {date_md}, the water level of the {river} at {town} hydrological station was {water_level} meters.",
            "In {village}, cadres and volunteers were filling sandbags and reinforcing the embankment in the rain.",
            "{sec} went to the {river} embankment, {town} reservoir and other places to inspect the flood control work, and demanded to {flood_must}.",
            "The {level} Flood Control and Drought Relief Headquarters dispatched {small_n} working groups to guide the flood control work in key areas.",
            "The meteorological department predicts that {place} will still have heavy rainfall in the next {small_n} days, and the flood control situation is severe.",
            "{flood_fact}; {flood_fact}.",
            "It is necessary to {flood_must}, {flood_must}, and {flood_must}.",
        ),
        "closings": (
            "At present, the flood control situation in {place} is generally stable.",
            "Relevant departments are still on duty 24 hours a day.",
        ),
    },
    "social": {
        "titles": (
            "{place} does practical things for the people",
            "{hospital} opens new service center",
            "{school} holds opening ceremony",
        ),
        "leads": (
            "On {date_md}, {social_fact}, which was welcomed by the masses.",
            "In order to {must}, {place} has {achievement} since the beginning of this year.",
        ),
        "body": (
            "It is understood that {social_fact}.",
            "{social_fact}, and {social_fact}.",
            "“{villager_quote},” said {person}, a resident of {town}.",
            "{person_role_cap} {person} said that {social_fact}.",
            "{tech_fact}, and {tech_fact}.",
            "The reporter learned from {hospital} that {social_fact}.",
            "In order to {must}, {school} has carried out {small_n} special activities this year.",
            "{person}, principal of {school}, said that {social_fact}.",
            "At present, {social_fact}, and {social_fact}.",
            "According to the relevant person in charge of the {level} Bureau of Education, {social_fact}.",
            "{tech_fact}.",
        ),
        "closings": (
            "In the next step, {place} will {must} and continuously improve the people’s sense of happiness.",
        ),
    },
}
TOPIC_WEIGHTS = (("meeting", 28), ("economy", 16), ("business", 18), ("culture", 13),
                 ("rural", 13), ("flood", 6), ("social", 6))
TOPIC_NAMES = tuple(name for name, _ in TOPIC_WEIGHTS)
TOPIC_CUM_WEIGHTS = tuple(accumulate(weight for _, weight in TOPIC_WEIGHTS))

GRAMMAR.update({
    "emphasis_title": (
        "Solidly promote {work}", "Strive to {strive}", "Make every effort to {must}",
    ),
    "slogan": (
        "projects are king", "enterprises are first", "the environment is life",
        "service is productivity", "green mountains are gold mountains",
    ),
    "level_roman": ("IV", "III", "II"),
    "show": (
        "Impression of {city}", "Charming {county}", "Song of the {river}", "Dream of the Ancient Town",
        "Red Memory", "Tea Fragrance for a Thousand Years",
    ),
    "university": (
        "Wuhan University", "Zhejiang University", "Sichuan University", "Central South University",
        "Huazhong University of Science and Technology", "{province} University",
        "{province} Agricultural University", "the Chinese Academy of Sciences",
    ),
})

SLOT_RE = re.compile(r"\{(\w+)\}")
ABBREVIATIONS = frozenset(
    ("No", "Co", "Ltd", "S", "U", "m", "g", "e", "i", "etc", "Mr", "Dr", "St", "vs", "cn", "com"))

# --------------------------------------------------------------------------------------------
# Artifact banks
# --------------------------------------------------------------------------------------------

CHINESE_FRAGMENTS = (
    "来源：{level}融媒体中心", "编辑：王敏", "责任编辑：李华", "审核：刘强", "来源:县政府办公室",
    "（记者 张磊）", "分享到：", "打印本页", "关闭窗口", "图为活动现场。", "据了解，", "记者从会上获悉，",
    "发布时间：{iso_date}", "【字体：大 中 小】",
)
CHINESE_CHROME_LEVELS = {"Provincial": "省", "Municipal": "市", "County": "县"}
FULLWIDTH_TAGS = ("【Local News】", "【Focus】", "【Rural Revitalization】", "【Government Affairs】",
                  "【Headlines】")
CAPTION_CREDITS = ("Photo by {a} and {b}", "Photo by {a}", "{a} / Xinhua", "Photographed by {a}",
                   "(Photo by {a})", "Reporter {a} photographed")
DOUBLING_VERBS = ("cultivate", "mobilize", "promote", "strengthen", "improve", "implement",
                  "optimize", "consolidate", "build", "guide", "deepen", "coordinate", "expand",
                  "protect", "inherit", "integrate", "explore")
CP1252_MOJIBAKE = {"’": "â€™", "“": "â€œ", "‘": "â€˜"}
GBK_MOJIBAKE = {"’": "¡¯", "‘": "¡®", "“": "¡°", "”": "¡±"}
STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

SENTENCE_GAP_RE = re.compile(r"(?<![.\w])([A-Za-z]+|\d+)\. (?=[A-Z])")
COMMA_GAP_RE = re.compile(r"([a-z]{2,}), (?=([a-z]+))")
LIST_STOPWORDS = frozenset(("and", "which", "the", "an", "a", "so", "but", "with", "of"))
SEMICOLON_GAP_RE = re.compile(r"([a-z]); ([a-z])")
ETC_RE = re.compile(r"\betc\.(?= [A-Z]|$)")
LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])")
LONG_WORD_RE = re.compile(r"(?<![\w’'-])[a-z]{5,}(?![\w’'-])")
WORD_PAIR_RE = re.compile(r"(?<![\w’'-])([a-z]{3,} [a-z]{4,})(?![\w’'-])")
MID_CAPITAL_RE = re.compile(r"( and | to |, )([a-z]{4,})\b")
HYPHEN_RE = re.compile(r"([a-z])-([a-z])")
THOUSANDS_RE = re.compile(r"(\d),(\d{3})")
OPEN_QUOTE_RE = re.compile(r"“(?=[A-Z])")
CLOSE_QUOTE_RE = re.compile(r"(?<=[a-z])”")
PAREN_RE = re.compile(r"\(([^()]{3,60})\)")
AND_BETWEEN_CAPS_RE = re.compile(r"\b[A-Z][a-z]+( and )(?=[A-Z])")
COLON_RE = re.compile(r"(?<=[a-z]): ")

# --------------------------------------------------------------------------------------------
# Template expansion
# --------------------------------------------------------------------------------------------

_PARSED: dict[str, list[str]] = {}


def parse_template(template: str) -> list[str]:
    """Split a template into literal text (even indexes) and slot names (odd indexes).

    >>> parse_template("On {date_md}, we met.")
    ['On ', 'date_md', ', we met.']
    """
    parts = _PARSED.get(template)
    if parts is None:
        parts = _PARSED[template] = SLOT_RE.split(template)
    return parts


def expand(template: str, rng: random.Random, ctx: dict) -> str:
    """Fill every ``{slot}`` in a template, recursively, from the context, slot functions or GRAMMAR."""
    parts = parse_template(template)
    if len(parts) == 1:
        return template
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
            continue
        value = fill_slot(part, rng, ctx)
        # "{must} and {must}" must not come out as "X and X": that is an artifact of its own
        for _ in range(SLOT_ATTEMPTS):
            if value not in out or part in ctx:
                break
            value = fill_slot(part, rng, ctx)
        out.append(value)
    return "".join(out)


def fill_slot(name: str, rng: random.Random, ctx: dict) -> str:
    """Expand one slot: article-level values first, then generated values, then GRAMMAR.

    A GRAMMAR alternative already used twice in the article is re-drawn (a few times).
    """
    value = ctx.get(name)
    if value is not None:
        return value
    func = SLOT_FUNCTIONS.get(name)
    if func is not None:
        return func(rng, ctx)
    alternatives = GRAMMAR[name]
    uses = ctx["alternative_uses"]
    for _ in range(SLOT_ATTEMPTS):
        choice = rng.choice(alternatives)
        if uses.get(choice, 0) < MAX_TEMPLATE_USES:
            break
    uses[choice] = uses.get(choice, 0) + 1
    return expand(choice, rng, ctx)


# --------------------------------------------------------------------------------------------
# Generated values: names, numbers, dates
# --------------------------------------------------------------------------------------------

def make_person(rng: random.Random) -> str:
    """A Chinese name in pinyin, surname first; now and then a doubled name like ``Yang Yang``."""
    if rng.random() < 0.015:
        return rng.choice(DOUBLED_NAMES)
    given = rng.choice(GIVEN_SYLLABLES)
    if rng.random() < 0.7:
        given += rng.choice(GIVEN_SYLLABLES)
    return f"{rng.choice(SURNAMES)} {given.capitalize()}"


def make_place_name(rng: random.Random) -> str:
    """A two-syllable pinyin place name such as ``Ningyuan``."""
    first = rng.choice(PLACE_SYLLABLES)
    second = rng.choice(PLACE_SYLLABLES)
    while second == first:
        second = rng.choice(PLACE_SYLLABLES)
    return (first + second).capitalize()


def make_company(rng: random.Random, place: str) -> tuple[str, str]:
    """A company name and its short form, e.g. ``Xianning Hongda Food Co., Ltd.``."""
    short = f"{rng.choice(COMPANY_CORES)} {rng.choice(COMPANY_TRADES)}"
    form = rng.choice(COMPANY_FORMS)
    if rng.random() < 0.6:
        return f"{place} {short} {form}", short
    return f"{short} {form}", short


def make_doc(rng: random.Random) -> tuple[str, str, str]:
    """A quoted document title, the other way it gets rendered, and its short name."""
    if rng.random() < 0.2:
        return rng.choice(WHOLE_DOCS)
    kind, kind_variant, short = rng.choice(DOC_KINDS)
    subject, subject_variant = rng.choice(DOC_SUBJECTS)
    if rng.random() < 0.5:
        return f"{kind} {subject}", f"{kind_variant} {subject}", short
    return f"{kind} {subject}", f"{kind} {subject_variant}", short


def ordinal(n: int) -> str:
    """English ordinal: ``ordinal(21) == '21st'``.

    >>> [ordinal(n) for n in (1, 2, 3, 11, 12, 22)]
    ['1st', '2nd', '3rd', '11th', '12th', '22nd']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def percent(rng: random.Random, low: float, high: float) -> str:
    """A percentage written the way these articles write it, mostly ``3.5 percent``."""
    value = f"{rng.uniform(low, high):.1f}"
    return f"{value}%" if rng.random() < 0.2 else f"{value} percent"


def big_money(rng: random.Random, _ctx: dict) -> str:
    """An amount in billions, e.g. ``5.54 billion yuan``."""
    return f"{rng.uniform(1.0, 98.0):.{rng.choice((1, 2))}f} billion yuan"


def money(rng: random.Random, _ctx: dict) -> str:
    """An amount in millions, e.g. ``326 million yuan`` or ``48.6 million yuan``."""
    if rng.random() < 0.5:
        return f"{rng.randint(12, 980)} million yuan"
    return f"{rng.uniform(10, 99):.1f} million yuan"


def thousands(rng: random.Random, low: int, high: int) -> str:
    """An integer with a thousands separator, e.g. ``12,800``."""
    return f"{rng.randint(low, high):,}"


def clock(rng: random.Random, suffix: str) -> str:
    """A time of day such as ``9:30 a.m.``."""
    return f"{rng.randint(7, 11)}:{rng.choice(('00', '30', '15', '45'))} {suffix}"


SLOT_FUNCTIONS: dict[str, Callable[[random.Random, dict], str]] = {
    "person": lambda rng, ctx: make_person(rng),
    "pct": lambda rng, ctx: percent(rng, 0.3, 18.0),
    "small_pct": lambda rng, ctx: percent(rng, 0.2, 4.9),
    "pct_value": lambda rng, ctx: f"{rng.uniform(5, 95):.1f}",
    "pct_points": lambda rng, ctx: f"{rng.uniform(0.5, 12):.1f}",
    "big_money": big_money,
    "money": money,
    "money_small": lambda rng, ctx: f"{thousands(rng, 100_000, 2_000_000)} yuan",
    "yuan": lambda rng, ctx: f"{thousands(rng, 3_000, 68_000)} yuan",
    "count": lambda rng, ctx: thousands(rng, 1_200, 960_000),
    "jobs": lambda rng, ctx: thousands(rng, 150, 5_000),
    "area": lambda rng, ctx: thousands(rng, 30, 12_000),
    "kwh": lambda rng, ctx: f"{rng.uniform(1, 60):.2f} billion",
    "small_n": lambda rng, ctx: str(rng.randint(2, 12)),
    "households": lambda rng, ctx: thousands(rng, 120, 3_800),
    "hundreds_n": lambda rng, ctx: str(rng.randint(30, 990)),
    "thousands_n": lambda rng, ctx: thousands(rng, 1_000, 9_900),
    "patents": lambda rng, ctx: str(rng.randint(12, 360)),
    "grain": lambda rng, ctx: thousands(rng, 80_000, 3_500_000),
    "water_level": lambda rng, ctx: f"{rng.uniform(18, 46):.2f}",
    "tens": lambda rng, ctx: str(rng.randint(10, 45)),
    "hundreds": lambda rng, ctx: str(rng.randint(1, 9) * 100),
    "small_dec": lambda rng, ctx: f"{rng.uniform(0.1, 2.9):.2f}",
    "mm": lambda rng, ctx: f"{rng.uniform(50, 420):.1f}",
    "month_count": lambda rng, ctx: rng.choice(("two", "four", "five", "seven", "eight", "ten", "11")),
    "month_name": lambda rng, ctx: rng.choice(MONTH_NAMES),
    "day": lambda rng, ctx: str(rng.randint(1, 28)),
    "nth": lambda rng, ctx: ordinal(rng.randint(2, 35)),
    "batch": lambda rng, ctx: rng.choice(("first", "second", "third", "fourth", "fifth")),
    "past_year": lambda rng, ctx: str(rng.randint(1998, 2018)),
    "clock_am": lambda rng, ctx: clock(rng, "a.m."),
    "clock_pm": lambda rng, ctx: clock(rng, "p.m."),
    "other_city": lambda rng, ctx: rng.choice(rng.choice(PROVINCES)[1]),
    "enumeration": lambda rng, ctx: make_enumeration(rng, ctx),
}


def make_enumeration(rng: random.Random, ctx: dict) -> str:
    """A ``First, we must ... Second, ...`` run, typical of speeches in these articles."""
    steps = []
    for word in ORDINAL_WORDS[: rng.randint(3, 4)]:
        steps.append(expand(f"{word}, we must {{must}}, {{must}}, and {{must}}.", rng, ctx))
    return " ".join(steps)


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------

def make_context(rng: random.Random) -> dict:
    """Article-level values: where it happens, who speaks, which document, which date."""
    province, cities = rng.choice(PROVINCES)
    city = rng.choice(cities)
    county = f"{make_place_name(rng)} {rng.choice(('County', 'County', 'District'))}"
    level = rng.choice(("Provincial", "Municipal", "Municipal", "County"))
    place = {"Provincial": province, "Municipal": city, "County": county}[level]
    doc, doc_variant, doc_short = make_doc(rng)
    straight = rng.random() < STRAIGHT_QUOTE_SHARE
    if straight:
        doc, doc_variant = doc.translate(STRAIGHT_QUOTES), doc_variant.translate(STRAIGHT_QUOTES)
    company, company_short = make_company(rng, city)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    titles = {
        "Provincial": ("Provincial Party Committee Secretary", "Governor", "Vice Governor"),
        "Municipal": ("Secretary of the Municipal Party Committee", "Mayor", "Deputy Mayor"),
        "County": ("Secretary of the County Party Committee", "County Magistrate",
                   "Deputy County Magistrate"),
    }[level]
    return {
        "province": province, "city": city, "county": county,
        "town": f"{make_place_name(rng)} Town", "village": f"{make_place_name(rng)} Village",
        "level": level, "level_lc": level.lower(), "place": place,
        "unit": {"Provincial": "province", "Municipal": "city", "County": "county"}[level],
        "domain": f"{re.sub(r'[^a-z]', '', (city if level != 'Provincial' else province).lower())}.gov.cn",
        "sec": make_person(rng), "sec_title": titles[0],
        "head": make_person(rng), "head_title": titles[1],
        "deputy": make_person(rng), "deputy_title": titles[2],
        "company": company, "company_short": company_short,
        "doc": doc, "doc_variant": doc_variant, "doc_short": doc_short,
        "product": rng.choice(GRAMMAR["crop"]), "festival": rng.choice(GRAMMAR["festival_kind"]),
        "heritage": rng.choice(GRAMMAR["heritage"]),
        "straight_quotes": straight, "alternative_uses": {},
        "year": str(year), "next_year": str(year + 1),
        "date_md": f"{MONTH_NAMES[month - 1]} {day}", "iso_date": f"{year}-{month:02d}-{day:02d}",
    }


DOC_SENTENCES = (
    "{sec} pointed out that the recently issued “{doc}” has important guiding significance for us to {must}.",
    "We should take “{doc}” as important learning material, and {must}.",
    "Relevant departments must carefully study “{doc}”, {must}, and promptly transform it into specific policies and measures.",
    "In accordance with the requirements of “{doc}”, {place} will {must} and {must}.",
    "Recently, the {level_lc} government issued “{doc}” (hereinafter referred to as the “{doc_short}”), which puts forward {small_n} specific measures.",
    "The “{doc}” proposes that by {next_year}, {any_fact}.",
    "To implement “{doc}”, {place} has {achievement}.",
)


def make_sentence(rng: random.Random, ctx: dict, pool: tuple[str, ...], seen: dict) -> str:
    """One filled sentence from a pool, re-drawn a few times so an article does not repeat itself.

    ``seen`` counts the templates and sentences already used in the article.
    """
    for attempt in range(SENTENCE_ATTEMPTS):
        last = attempt == SENTENCE_ATTEMPTS - 1
        template = rng.choice(pool)
        key = "\0" + template
        if seen.get(key, 0) >= MAX_TEMPLATE_USES and not last:
            continue
        sentence = expand(template, rng, ctx)
        sentence = sentence[0].upper() + sentence[1:]
        if ".." in sentence:  # "etc." or "Ltd." closing a sentence takes no second period
            sentence = sentence.replace("..", ".")
        if ctx["straight_quotes"]:
            sentence = sentence.translate(STRAIGHT_QUOTES)
        if sentence not in seen or last:
            break
    seen[key] = seen.get(key, 0) + 1
    seen[sentence] = 1
    return sentence


def make_paragraph(rng: random.Random, ctx: dict, topic: dict, seen: dict, budget: int) -> str:
    """A body paragraph of one to six sentences, mostly on topic, kept under ``budget`` bytes."""
    sentences: list[str] = []
    size = 0
    for _ in range(rng.randint(1, 6)):
        pool = topic["body"] if rng.random() < 0.72 else GRAMMAR["generic"]
        sentence = make_sentence(rng, ctx, pool, seen)
        if size + len(sentence) + 1 > budget:
            break
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def utf8_len(text: str) -> int:
    """Length of text in UTF-8 bytes."""
    return len(text.encode("utf-8"))


def build_article(rng: random.Random) -> tuple[str, list[str], dict]:
    """A clean article: title, paragraphs (lead, body, closing) and its context."""
    ctx = make_context(rng)
    name = rng.choices(TOPIC_NAMES, cum_weights=TOPIC_CUM_WEIGHTS)[0]
    topic = TOPICS[name]
    seen: dict = {}
    title = make_sentence(rng, ctx, topic["titles"], seen)
    paragraphs = [make_sentence(rng, ctx, topic["leads"], seen)]
    target = rng.randint(*TARGET_TEXT_BYTES)
    size = utf8_len(paragraphs[0])
    while size < target - CLOSING_RESERVE_BYTES:
        paragraph = make_paragraph(rng, ctx, topic, seen, target - CLOSING_RESERVE_BYTES - size)
        if not paragraph:
            break
        paragraphs.append(paragraph)
        size += utf8_len(paragraph) + 1
    add_document_mentions(rng, ctx, paragraphs, seen)
    paragraphs.append(make_sentence(rng, ctx, topic["closings"], seen))
    if rng.random() < 0.12:
        ctx["byline"] = f"({rng.choice(('', 'Reporter ', 'Correspondent '))}{make_person(rng)})"
        paragraphs[-1] += " " + ctx["byline"]
    while utf8_len("\n".join(paragraphs)) < MIN_CLEAN_BYTES:
        paragraphs.insert(-1, make_paragraph(rng, ctx, topic, seen, 900)
                          or make_sentence(rng, ctx, GRAMMAR["generic"], seen))
    while utf8_len("\n".join(paragraphs)) > MAX_CLEAN_BYTES and len(paragraphs) > 3:
        del paragraphs[-2]
    ctx["title"] = title
    return title, paragraphs, ctx


def add_document_mentions(rng: random.Random, ctx: dict, paragraphs: list[str], seen: dict) -> None:
    """Mention the article's quoted document in two or three paragraphs (about 40% of articles)."""
    if rng.random() >= 0.4 or len(paragraphs) < 3:
        return
    picks = sorted(rng.sample(range(1, len(paragraphs)), min(len(paragraphs) - 1, rng.randint(2, 3))))
    for index in picks:
        paragraphs[index] += " " + make_sentence(rng, ctx, DOC_SENTENCES, seen)


def make_url(rng: random.Random, ctx: dict, index: int) -> str:
    """A plausible source address: a government portal or a news site."""
    year, month, day = ctx["iso_date"].split("-")
    if rng.random() < 0.6:
        section = rng.choice(("news", "zwgk", "xwzx", "ywdt", "english/news"))
        return f"https://www.{ctx['domain']}/{section}/{year}{month}/t{year}{month}{day}_{index + 100000}.html"
    site = rng.choice(("en.cnhubei.example", "news.countyportal.example", "english.provnews.example"))
    return f"https://{site}/{year}-{month}/{day}/c_{rng.randint(10**8, 10**9 - 1)}.htm"


# --------------------------------------------------------------------------------------------
# Artifact injectors: each edits the paragraph list in place and says whether it found a spot
# --------------------------------------------------------------------------------------------

Injector = Callable[[random.Random, list, dict], bool]


def pick_match(rng: random.Random, paragraphs: list[str], pattern: re.Pattern,
               accept: Callable[[re.Match], bool] | None = None) -> tuple[int, re.Match] | None:
    """A random match of ``pattern`` in a random paragraph (trying each paragraph once)."""
    count = len(paragraphs)
    start = rng.randrange(count)
    for step in range(count):
        index = (start + step) % count
        matches = [m for m in pattern.finditer(paragraphs[index]) if accept is None or accept(m)]
        if matches:
            return index, rng.choice(matches)
    return None


def splice(paragraphs: list[str], index: int, start: int, end: int, new: str) -> None:
    """Replace ``paragraphs[index][start:end]`` with ``new``."""
    text = paragraphs[index]
    paragraphs[index] = text[:start] + new + text[end:]


def is_sentence_end(match: re.Match) -> bool:
    """True unless the word before the period is an abbreviation (``No. 1`` is not a sentence end)."""
    return match.group(1) not in ABBREVIATIONS


def edit_sentence_gap(rng: random.Random, paragraphs: list[str], new: str) -> bool:
    """Replace the ``. `` between two sentences with ``new``."""
    found = pick_match(rng, paragraphs, SENTENCE_GAP_RE, is_sentence_end)
    if found is None:
        return False
    index, match = found
    splice(paragraphs, index, match.end(1), match.end(), new)
    return True


def edit_comma_gap(rng: random.Random, paragraphs: list[str], new: str, capitalize: bool = False,
                   in_list: bool = False) -> bool:
    """Replace a mid-sentence ``, `` (not ``etc., ``) with ``new``; ``in_list``: between list items."""
    def accept(match: re.Match) -> bool:
        return match.group(1) != "etc" and not (in_list and match.group(2) in LIST_STOPWORDS)

    found = pick_match(rng, paragraphs, COMMA_GAP_RE, accept)
    if found is None:
        return False
    index, match = found
    end = match.end()
    if capitalize:
        text = paragraphs[index]
        new += text[end].upper()
        end += 1
    splice(paragraphs, index, match.end(1), end, new)
    return True


def inject_missing_space(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``yuan.Zheng``, ``conditions;Flood``, ``operation,The``: a sentence glued to the last."""
    roll = rng.random()
    if roll < 0.2:
        found = pick_match(rng, paragraphs, SEMICOLON_GAP_RE)
        if found is not None:
            index, match = found
            splice(paragraphs, index, match.start(), match.end(), f"{match.group(1)};{match.group(2).upper()}")
            return True
    elif roll < 0.35 and edit_comma_gap(rng, paragraphs, ",", capitalize=True):
        return True
    return edit_sentence_gap(rng, paragraphs, rng.choice((".", ".", ".", "!")) if roll > 0.97 else ".")


def inject_stray_punctuation(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``. .``, ``. ,``, ``., ``, ``,,``, ``etc..``, a space before a comma or period."""
    shape = rng.choice((". .", ". ,", "., ", ",,", "etc..", " ,", " .", ". ."))
    if shape == ". .":
        return edit_sentence_gap(rng, paragraphs, ". . ")
    if shape == "., ":
        return edit_sentence_gap(rng, paragraphs, "., ")
    if shape == " .":
        return edit_sentence_gap(rng, paragraphs, " . ")
    if shape == "etc..":
        found = pick_match(rng, paragraphs, ETC_RE)
        if found is not None:
            index, match = found
            splice(paragraphs, index, match.start(), match.end(), "etc..")
            return True
        return edit_sentence_gap(rng, paragraphs, ". . ")
    replacement = {". ,": ". , ", ",,": ",, ", " ,": " , "}[shape]
    return edit_comma_gap(rng, paragraphs, replacement)


def inject_typography(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``high -speed``, ``1, 000``, ``“ Implementation``, a closing quote facing the wrong way."""
    shape = rng.randrange(4)
    pattern = (HYPHEN_RE, THOUSANDS_RE, OPEN_QUOTE_RE, CLOSE_QUOTE_RE)[shape]
    found = pick_match(rng, paragraphs, pattern)
    if found is None:
        return False
    index, match = found
    if shape == 0:
        new = f"{match.group(1)} -{match.group(2)}" if rng.random() < 0.7 else f"{match.group(1)}- {match.group(2)}"
    elif shape == 1:
        new = f"{match.group(1)}, {match.group(2)}"
    else:
        new = "“ " if shape == 2 else "“"
    splice(paragraphs, index, match.start(), match.end(), new)
    return True


def inject_fullwidth(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """Full-width ``，。；：（）、【】`` left between English words."""
    shape = rng.choice(("，", "，", "。", "、", "；", "：", "（）", "【】"))
    if shape in ("，", "、"):
        return edit_comma_gap(rng, paragraphs, shape if rng.random() < 0.7 else shape + " ", in_list=shape == "、")
    if shape == "。":
        return edit_sentence_gap(rng, paragraphs, rng.choice(("。", "。 ")))
    if shape == "【】":
        index = rng.randrange(len(paragraphs))
        paragraphs[index] = rng.choice(FULLWIDTH_TAGS) + paragraphs[index]
        return True
    pattern = {"；": SEMICOLON_GAP_RE, "：": COLON_RE, "（）": PAREN_RE}[shape]
    found = pick_match(rng, paragraphs, pattern)
    if found is None:
        return edit_comma_gap(rng, paragraphs, "，")
    index, match = found
    if shape == "；":
        new = f"{match.group(1)}；{match.group(2)}"
    elif shape == "：":
        new = "："
    else:
        new = f"（{match.group(1)}）"
    splice(paragraphs, index, match.start(), match.end(), new)
    return True


def inject_doubled_word(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``the the``, ``business business``."""
    found = pick_match(rng, paragraphs, LOWER_WORD_RE)
    if found is None:
        return False
    index, match = found
    splice(paragraphs, index, match.end(), match.end(), " " + match.group())
    return True


DOUBLING_VERB_RE = re.compile(r"\b(" + "|".join(DOUBLING_VERBS) + r")\b(?! and)")


def inject_x_and_x(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``cultivate and cultivate``, ``townships and townships``."""
    found = pick_match(rng, paragraphs, DOUBLING_VERB_RE) or pick_match(rng, paragraphs, LONG_WORD_RE)
    if found is None:
        return False
    index, match = found
    splice(paragraphs, index, match.end(), match.end(), " and " + match.group())
    return True


def inject_doubled_phrase(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """``flood control, flood control``, ``mutually reinforcing and mutually reinforcing``."""
    found = pick_match(rng, paragraphs, WORD_PAIR_RE)
    if found is None:
        return False
    index, match = found
    separator = rng.choice((", ", " and ", " "))
    splice(paragraphs, index, match.end(), match.end(), separator + match.group())
    return True


def inject_spacing(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """A doubled space, a trailing space, an NBSP or an ideographic space (U+3000)."""
    shape = rng.choice(("double", "double", "trailing", "nbsp", "ideographic", "indent"))
    index = rng.randrange(len(paragraphs))
    text = paragraphs[index]
    if shape == "trailing":
        paragraphs[index] = text + rng.choice((" ", " ", "  ", "\u3000"))
        return True
    if shape == "indent":
        paragraphs[index] = "\u3000\u3000" + text
        return True
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return False
    new = {"double": "  ", "nbsp": "\u00a0", "ideographic": "\u3000"}[shape]
    position = rng.choice(spaces)
    splice(paragraphs, index, position, position + 1, new)
    return True


def replace_one_char(rng: random.Random, paragraphs: list[str], table: dict[str, str]) -> bool:
    """Replace one occurrence of a key of ``table`` (a curly quote) with its mojibake."""
    candidates = [(i, pos) for i, text in enumerate(paragraphs)
                  for pos, char in enumerate(text) if char in table]
    if not candidates:
        return False
    index, position = rng.choice(candidates)
    splice(paragraphs, index, position, position + 1, table[paragraphs[index][position]])
    return True


CURLY_PAIR_RE = re.compile(r"“([^“”]{1,120})”")


def inject_cp1252_mojibake(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """UTF-8 read as cp1252: ``Xi Jinpingâ€™s``."""
    return replace_one_char(rng, paragraphs, CP1252_MOJIBAKE)


def inject_gbk_mojibake(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """GBK read as Latin-1: ``Yueyang¡¯s`` or ``¡°…¡±``."""
    if rng.random() < 0.5:
        found = pick_match(rng, paragraphs, CURLY_PAIR_RE)
        if found is not None:
            index, match = found
            new = GBK_MOJIBAKE["“"] + match.group(1) + GBK_MOJIBAKE["”"]
            splice(paragraphs, index, match.start(), match.end(), new)
            return True
    return replace_one_char(rng, paragraphs, {"’": GBK_MOJIBAKE["’"], "‘": GBK_MOJIBAKE["‘"]})


def inject_html_entity(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """An HTML entity left in the text: ``R&amp;D``, ``Culture &amp; Tourism``."""
    found = pick_match(rng, paragraphs, re.compile("&"))
    if found is not None:
        index, match = found
        splice(paragraphs, index, match.start(), match.end(), "&amp;")
        return True
    found = pick_match(rng, paragraphs, AND_BETWEEN_CAPS_RE)
    if found is None:
        return False
    index, match = found
    splice(paragraphs, index, match.start(1), match.end(1), " &amp; ")
    return True


def lead_caption(lead: str) -> str:
    """The lead's first sentence cut before its purpose clause, as photo captions repeat it.

    >>> lead_caption("On May 2, Li Ming chaired a meeting to study the plan. He spoke.")
    'On May 2, Li Ming chaired a meeting'
    """
    match = SENTENCE_GAP_RE.search(lead)
    first = lead[: match.end(1)] if match else lead
    first = first.rstrip(".")
    for cut in (" to ", ", which ", ", with ", ". "):
        position = first.find(cut, 30)
        if position != -1:
            return first[:position]
    return first


def inject_caption(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """A caption repeating the lead glued to its credit, the headline repeated, or a teaser."""
    shape = rng.random()
    if shape < 0.6:
        credit = rng.choice(CAPTION_CREDITS).format(a=make_person(rng), b=make_person(rng))
        glue = " " if credit.startswith("(") else "."
        paragraphs.insert(1, lead_caption(paragraphs[0]) + glue + credit)
    elif shape < 0.85:
        for _ in range(rng.randint(1, 3)):
            paragraphs.insert(1, ctx["title"])
    else:
        cut = paragraphs[0].rfind(" ", 0, rng.randint(60, 120))
        paragraphs.insert(0, paragraphs[0][:cut] + "...")
    return True


def inject_title_two_ways(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """The same quoted document rendered two ways in one article."""
    doc, variant = ctx["doc"], ctx["doc_variant"]
    places = [(i, m.start()) for i, text in enumerate(paragraphs) for m in re.finditer(re.escape(doc), text)]
    if len(places) < 2:
        return False
    index, position = rng.choice(places[1:])
    splice(paragraphs, index, position, position + len(doc), variant)
    return True


def inject_mid_capital(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """A run-on sentence split and a verb re-capitalised: ``and Combined``, ``to Maximize``."""
    found = pick_match(rng, paragraphs, MID_CAPITAL_RE)
    if found is None:
        return False
    index, match = found
    splice(paragraphs, index, match.start(2), match.start(2) + 1, match.group(2)[0].upper())
    return True


def inject_literal_byline(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """A byline with the surname translated literally: ``(Yellow Lu)`` for Huang Lu."""
    _, literal = rng.choice(LITERAL_SURNAMES)
    byline = f"({literal} {rng.choice(GIVEN_SYLLABLES).capitalize()})"
    clean = ctx.get("byline")
    if clean and paragraphs[-1].endswith(clean):
        paragraphs[-1] = paragraphs[-1][: -len(clean)] + byline
    else:
        paragraphs[-1] += rng.choice((" ", "")) + byline
    return True


def inject_chinese(rng: random.Random, paragraphs: list[str], ctx: dict) -> bool:
    """A short untranslated Chinese fragment: site chrome on its own line, or inline."""
    fragment = rng.choice(CHINESE_FRAGMENTS)
    fragment = fragment.replace("{level}", CHINESE_CHROME_LEVELS[ctx["level"]]).replace("{iso_date}", ctx["iso_date"])
    if fragment.endswith("，"):
        return edit_sentence_gap(rng, paragraphs, ". " + fragment)
    if rng.random() < 0.75:
        paragraphs.append(fragment)
    else:
        paragraphs.insert(0, fragment)
    return True


ONCE_PER_ARTICLE = frozenset(("caption", "title_two_ways", "literal_byline"))
INJECTORS: dict[str, tuple[Injector, int]] = {
    "missing_space": (inject_missing_space, 30),
    "stray_punctuation": (inject_stray_punctuation, 13),
    "typography": (inject_typography, 4),
    "fullwidth": (inject_fullwidth, 8),
    "doubled_word": (inject_doubled_word, 5),
    "x_and_x": (inject_x_and_x, 4),
    "doubled_phrase": (inject_doubled_phrase, 3),
    "spacing": (inject_spacing, 9),
    "cp1252_mojibake": (inject_cp1252_mojibake, 3),
    "gbk_mojibake": (inject_gbk_mojibake, 2),
    "html_entity": (inject_html_entity, 2),
    "caption": (inject_caption, 5),
    "title_two_ways": (inject_title_two_ways, 4),
    "mid_capital": (inject_mid_capital, 6),
    "literal_byline": (inject_literal_byline, 2),
    "chinese": (inject_chinese, 3),
}
INJECTOR_NAMES = tuple(INJECTORS)
INJECTOR_CUM_WEIGHTS = tuple(accumulate(weight for _, weight in INJECTORS.values()))


def inject_artifacts(rng: random.Random, paragraphs: list[str], ctx: dict, counts: dict[str, int]) -> int:
    """Add about one artifact per WORDS_PER_ARTIFACT words; tally them by kind in ``counts``."""
    words = sum(len(text.split()) for text in paragraphs)
    wanted = int(words / WORDS_PER_ARTIFACT + rng.random())
    used: list[str] = []
    done = 0
    for _ in range(wanted):
        for _attempt in range(6):
            name = rng.choices(INJECTOR_NAMES, cum_weights=INJECTOR_CUM_WEIGHTS)[0]
            if name in ONCE_PER_ARTICLE and name in used:
                continue
            if INJECTORS[name][0](rng, paragraphs, ctx):
                used.append(name)
                counts[name] = counts.get(name, 0) + 1
                done += 1
                break
    return done


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------

def generate_articles(seed: int, total_bytes: int, stats: dict | None = None,
                      inject: bool = True) -> Iterator[dict]:
    """Yield article dicts (id, title, text, url, date) until about ``total_bytes`` are produced.

    Artifacts are drawn from a second generator seeded per article, so ``inject=False``
    yields the very same articles, clean. If ``stats`` is a dict it receives ``articles``,
    ``words``, ``bytes``, ``injected`` and ``kinds`` (injections by kind).

    >>> first = next(generate_articles(1, 1))
    >>> sorted(first), first["id"]
    (['date', 'id', 'text', 'title', 'url'], 'doc-000001')
    """
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    produced = index = words = injected = 0
    while produced < total_bytes:
        title, paragraphs, ctx = build_article(rng)
        url = make_url(rng, ctx, index)
        if inject:
            injected += inject_artifacts(random.Random(seed * 1_000_003 + index), paragraphs, ctx, counts)
        text = "\n".join(paragraphs)
        words += len(text.split())
        produced += utf8_len(title) + utf8_len(text) + len(url) + RECORD_OVERHEAD_BYTES
        index += 1
        if stats is not None:
            stats.update(articles=index, words=words, bytes=produced, injected=injected, kinds=counts)
        yield {"id": f"doc-{index:06d}", "title": title, "text": text, "url": url, "date": ctx["iso_date"]}


def open_output(path: str, stack: ExitStack) -> BinaryIO:
    """A binary stream for ``path``: stdout for ``-``, gzip (reproducible header) for ``*.gz``."""
    if path == "-":
        stack.callback(sys.stdout.buffer.flush)
        return sys.stdout.buffer
    raw = stack.enter_context(open(path, "wb"))
    if path.endswith(".gz"):
        # no file name and mtime 0 in the header, so the same corpus gives the same bytes
        return stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                 compresslevel=6))
    return raw


def write_jsonl(articles: Iterator[dict], path: str) -> int:
    """Write one JSON object per line; return how many articles were written."""
    count = 0
    with ExitStack() as stack:
        stream = open_output(path, stack)
        for count, article in enumerate(articles, 1):
            stream.write((json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8"))
    return count


def write_directory(articles: Iterator[dict], directory: str) -> int:
    """Write ``NNNNNN.txt`` per article (title on the first line, then the text)."""
    os.makedirs(directory, exist_ok=True)
    count = 0
    for count, article in enumerate(articles, 1):
        with open(os.path.join(directory, f"{count:06d}.txt"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(article["title"] + "\n" + article["text"] + "\n")
    return count


def wants_directory(output: str, fmt: str) -> bool:
    """Whether the output is a directory: ``--format dir``, a trailing ``/``, or an existing dir."""
    if fmt != "auto":
        return fmt == "dir"
    return output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="generate_corpus.py",
        description="Generate a synthetic machine-translated news corpus with injected artifacts.")
    parser.add_argument("--size-mb", type=float, default=20.0, help="approximate size in MiB (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", default="-",
                        help="output file (.jsonl, .jsonl.gz), directory (ending in /), or - for stdout")
    parser.add_argument("--format", choices=("auto", "jsonl", "dir"), default="auto",
                        help="jsonl or one .txt per article; auto decides from --output")
    parser.add_argument("--clean", action="store_true", help="generate the same articles without artifacts")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus; exit 0 on success, 2 on a usage error."""
    args = parse_args(argv)
    if args.size_mb <= 0:
        print("generate_corpus: --size-mb must be positive", file=sys.stderr)
        return 2
    to_directory = wants_directory(args.output, args.format)
    if to_directory and args.output == "-":
        print("generate_corpus: --format dir needs a directory as --output", file=sys.stderr)
        return 2
    stats: dict = {}
    articles = generate_articles(args.seed, int(args.size_mb * MIB), stats, inject=not args.clean)
    if to_directory:
        write_directory(articles, args.output)
    else:
        write_jsonl(articles, args.output)
    if not args.quiet:
        per_artifact = stats["words"] / stats["injected"] if stats.get("injected") else float("inf")
        print(f"generate_corpus: {stats['articles']} articles, {stats['bytes'] / MIB:.1f} MiB, "
              f"{stats['injected']} artifacts (one per {per_artifact:.0f} words) -> {args.output}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
