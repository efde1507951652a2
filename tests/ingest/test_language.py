"""The stopword-profile language detector: right on running text, silent when unsure."""
from __future__ import annotations

import pytest

from digest.ingest.language import detect

# Fictional news sentences written for these tests, two or three per language.
SAMPLES = {
    "en": "The council said on Monday that the new bridge would open in the spring, after the vote was delayed by a "
    "dispute over its cost. Residents who live near the river have asked for more time.",
    "fr": "Le conseil municipal a annoncé lundi que le nouveau pont sera ouvert au printemps, après un vote qui a été "
    "retardé par un désaccord sur son coût. Les habitants qui vivent près de la rivière demandent plus de temps.",
    "de": "Der Stadtrat hat am Montag mitgeteilt, dass die neue Brücke im Frühjahr eröffnet wird, nachdem die "
    "Abstimmung wegen eines Streits über die Kosten verschoben wurde. Anwohner haben um mehr Zeit gebeten.",
    "es": "El ayuntamiento anunció el lunes que el nuevo puente se abrirá en primavera, después de que la votación "
    "fuera aplazada por una disputa sobre su coste. Los vecinos que viven cerca del río piden más tiempo.",
    "it": "Il consiglio comunale ha annunciato lunedì che il nuovo ponte sarà aperto in primavera, dopo che il voto è "
    "stato rinviato per una disputa sul costo. Gli abitanti che vivono vicino al fiume chiedono più tempo.",
    "pt": "A câmara municipal anunciou na segunda-feira que a nova ponte será aberta na primavera, depois de a "
    "votação ter sido adiada por uma disputa sobre o seu custo. Os moradores pedem mais tempo.",
    "nl": "De gemeenteraad heeft maandag gezegd dat de nieuwe brug in het voorjaar wordt geopend, nadat de stemming "
    "was uitgesteld door een geschil over de kosten. Bewoners die bij de rivier wonen, willen meer tijd.",
    "sv": "Kommunen meddelade på måndagen att den nya bron ska öppnas i vår, efter att omröstningen hade skjutits "
    "upp på grund av en tvist om kostnaden. De som bor vid älven vill ha mer tid och det är inte klart när.",
    "da": "Byrådet oplyste mandag, at den nye bro skal åbne til foråret, efter at afstemningen blev udskudt af en "
    "strid om prisen. Beboerne ved åen har bedt om mere tid, og det er ikke klart, hvad der nu sker med "
    "nogle af de planer, som kommunen havde.",
    "no": "Bystyret sa mandag at den nye brua skal åpne til våren, etter at avstemningen ble utsatt på grunn av en "
    "strid om prisen. Beboerne ved elva har bedt om mer tid, og det er ikke klart hva som skjer med noen av "
    "planene som kommunen hadde.",
    "fi": "Kaupunginvaltuusto kertoi maanantaina, että uusi silta avataan keväällä, kun äänestys oli siirtynyt "
    "kiistan vuoksi. Joen lähellä asuvat ovat pyytäneet lisää aikaa, mutta se ei ole vielä selvää, mitä "
    "kaikki tämä tarkoittaa.",
    "pl": "Rada miasta poinformowała w poniedziałek, że nowy most zostanie otwarty wiosną, po tym jak głosowanie "
    "było przełożone przez spór o koszty. Mieszkańcy, którzy żyją przy rzece, proszą także o więcej czasu, "
    "ale to nie jest jeszcze pewne.",
    "tr": "Belediye meclisi pazartesi günü yeni köprünün ilkbaharda açılacağını açıkladı. Maliyet konusundaki "
    "anlaşmazlık nedeniyle oylama ertelendikten sonra bu karar alındı ve nehir kenarında yaşayanlar daha "
    "fazla süre istedi, ancak bu çok daha uzun sürebilir.",
    "id": "Dewan kota mengatakan pada hari Senin bahwa jembatan baru itu akan dibuka pada musim semi, setelah "
    "pemungutan suara tertunda karena sengketa biaya. Warga yang tinggal di dekat sungai juga meminta waktu "
    "lebih dan mereka tidak setuju dengan rencana tersebut.",
    "ro": "Consiliul local a anunțat luni că noul pod va fi deschis în primăvară, după ce votul a fost amânat din "
    "cauza unei dispute despre costuri. Locuitorii care stau lângă râu au cerut mai mult timp pentru această "
    "decizie.",
    "ru": "Городской совет сообщил в понедельник, что новый мост будет открыт весной, после того как голосование "
    "было отложено из-за спора о его стоимости. Жители, которые живут у реки, также просят больше времени.",
    "ko": "시의회는 월요일 새 다리가 봄에 개통될 것이라고 밝혔다. 주민들은 더 많은 시간을 요구했다.",
    "ja": "市議会は月曜日、新しい橋が春に開通すると発表した。住民はもっと時間が欲しいと話している。",
    "ar": "أعلن مجلس المدينة يوم الاثنين أن الجسر الجديد سيفتح في الربيع بعد تأجيل التصويت بسبب خلاف حول التكلفة.",
    "fa": "شورای شهر روز دوشنبه اعلام کرد که پل جدید در بهار باز می‌شود و ساکنان وقت بیشتری خواستند.",
    "ur": "سٹی کونسل نے پیر کو کہا کہ نیا پل بہار میں کھلے گا اور رہائشیوں نے مزید وقت مانگا ہے۔",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_running_text(code):
    assert detect(SAMPLES[code]) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Home News Sport",  # menu words, no sentence
        "Jan Berg, Ola Lind, Kari Holm",  # names
        "2026 12 03 14:55",
        "in de",  # two shared words: too little to tell
    ],
)
def test_unsure_gives_none(text):
    assert detect(text) is None


def test_a_long_article_opening_with_a_quote_in_another_language_is_read_on():
    """A German commentary that opens with an English speech: its first words are split between the two."""
    quote = ("“We have come to the harbour today because the people of this town have waited for this bridge for "
             "twenty years, and we will not let them wait any longer. It is the right thing to do, and it is the "
             "thing we promised.” ")
    german = ("Das sagte der Bürgermeister der fiktiven Stadt Korvik am Dienstag bei der Eröffnung der Baustelle. "
              "Die Brücke soll im Herbst fertig sein, doch die Kosten sind seit dem ersten Entwurf um die Hälfte "
              "gestiegen. Der Stadtrat hatte das Projekt im Frühjahr noch einmal geprüft und dann mit knapper "
              "Mehrheit beschlossen. Die Opposition hält den Bau für zu teuer und verlangt, dass die Stadt die "
              "Pläne öffentlich macht, bevor weitere Aufträge vergeben werden. ") * 3
    assert detect(quote + german) == "de"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "в", "и", "у" are one letter long and "по", "для", "через" are Ukrainian words too: ы, э, ё say Russian
        ("В Новосибирске открыли мост через Обь. Строительство продолжалось четыре года, по словам мэра, "
         "мост разгрузит улицы для жителей левого берега.", "ru"),
        ("У Львові відкрили міст через річку. Будівництво тривало чотири роки, кажуть у міській раді, "
         "і міст розвантажить вулиці для мешканців лівого берега.", "uk"),
        # Bulgarian (ъ), Belarusian (ў) and Serbian (ј, љ, њ) are neither, though they share most letters
        ("Общинският съвет съобщи в понеделник, че новият мост ще бъде открит през пролетта.", None),
        ("Урад заявіў, што новы мост адкрыюць увесну, пасля таго як галасаванне было адкладзена.", None),
        ("Градско веће је у понедељак саопштило да ће нови мост бити отворен на пролеће, након што је гласање одложено.", None),
    ],
)
def test_cyrillic_text_is_told_by_the_letters_one_language_writes(text, code):
    assert detect(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # few function words of two letters or more: the letters only the language writes often tell
        ("Trong ngày khánh thành, học sinh xã Sông Mây đi qua cây cầu treo mới để đến trường mà không "
         "còn phải lội suối như trước đây.", "vi"),
        ("Belediye, limanda bulunan tarihi balıkçı barınağını restore ederek kültür merkezine dönüştürdü; "
         "yapı uzun yıllar ağ deposu olarak kullanılmıştı.", "tr"),
        ("Gmina zbuduje kryty basen przy ulicy Leśnej; pierwsi pływacy wejdą do wody w 2028 roku, "
         "zapowiedział wójt podczas sesji rady. Mieszkańcy od lat jeździli na pływalnię do miasta.", "pl"),
        # Devanagari: Hindi, Marathi and Nepali by their commonest words
        ("राजस्थान के एक गाँव में पहली बार सौर ऊर्जा से बिजली पहुँची है और लोगों ने इसका स्वागत किया।", "hi"),
        ("मुंबई येथे नवीन पूल बांधण्यात आला आहे आणि तो पुढील महिन्यात खुला होणार आहे असे सांगितले.", "mr"),
        ("काठमाडौंमा नयाँ पुल निर्माण भएको छ र यो अर्को महिना खुला हुनेछ भनेर नगरपालिकाले जनाएको छ।", "ne"),
        # a name in an English headline is no Polish, Turkish or Vietnamese text
        ("Erdoğan says Turkey will not back down", None),
        ("Police in Łódź arrest two after Wrocław clash, Poznań officials say", None),
        ("Praha otevřela nový most přes řeku, řekl starosta města ve středu.", None),  # Czech
    ],
)
def test_letters_and_scripts_tell_languages_whose_function_words_are_few(text, code):
    assert detect(text) == code
