"""What the demo's respondents write in the open questions, value by value: what stands in the
way (BARRIERS) and how the value could be promoted (MEANS)."""

from ..models import ValueKey

# What staff write in the open questions (Finnish, as most answers in the demo county would be).
BARRIERS = {
    ValueKey.DIGNITY: (
        "Päivät ovat niin täynnä, että asiakkaalle jää liian vähän aikaa.",
        "Päällekkäiset tehtävät katkaisevat asiakastapaamiset.",
        "Kun kuormitus on kova, asiakkaista tulee helposti pelkkiä suoritteita.",
        "Oma väsymys näkyy välillä kärsimättömyytenä.",
    ),
    ValueKey.CLIENT_CENTREDNESS: (
        "Asiakasmäärät kasvavat nopeammin kuin resurssit.",
        "Välillä päätämme asiakkaan puolesta, koska luulemme tietävämme paremmin.",
        "Asiakkaan palvelupolku ja vastuut eivät ole selviä edes meille itsellemme.",
        "Asiakirjoihin ei aina ehdi perehtyä ennen tapaamista.",
    ),
    ValueKey.EQUALITY: (
        "Jonotusajat vaihtelevat paljon alueittain.",
        "Palvelujen myöntämisperusteet ovat eri alueilla erilaiset.",
        "Tulkkia on vaikea saada lyhyellä varoitusajalla.",
        "Henkilöstön vaihtuvuus katkaisee asiakassuhteet.",
    ),
    ValueKey.TRUST: (
        "Ohjeet muuttuvat niin usein, ettei asiakkaalle voi luvata mitään varmaa.",
        "Vastaanottotilat ovat ahtaita, ja keskustelut kuuluvat käytävälle.",
        "Asiakas joutuu kertomaan asiansa joka kerta uudelle työntekijälle.",
        "Kiire näkyy asiakkaalle, eikä hän uskalla kertoa kaikkea.",
    ),
    ValueKey.EMPATHY: (
        "Ylikuormitus vie voimat, eikä myötätuntoa aina riitä.",
        "Asiakkaan asiaan päästään tarttumaan liian myöhään.",
        "Puhelimessa on vaikea kuulla, mitä asiakas oikeasti tarvitsee.",
        "Haastavat asiakastilanteet jäävät mieleen ja kuormittavat.",
    ),
}
MEANS = {
    ValueKey.DIGNITY: (
        "Rauhoitetaan asiakasajat, ettei puhelin keskeytä niitä.",
        "Käydään tiimipalaverissa läpi vaikeita kohtaamisia ja tuetaan toisiamme.",
        "Sijaisjärjestelyt kuntoon, jotta kukaan ei ole jatkuvasti äärirajoilla.",
        "Muistutetaan toisiamme siitä, että asiakas on työn keskiössä.",
    ),
    ValueKey.CLIENT_CENTREDNESS: (
        "Sovitaan yhteinen tapa kirjata asiakkaan oma näkemys.",
        "Päivitetään verkkosivujen ohjeet selkeiksi ja helposti löydettäviksi.",
        "Varataan aikaa perehtyä asiakkaan tietoihin ennen tapaamista.",
        "Kysytään asiakkaalta, keitä läheisiä hän haluaa mukaan.",
    ),
    ValueKey.EQUALITY: (
        "Tehdään yhteistyötä muiden palvelualueiden kanssa, jotta ohjaus onnistuu.",
        "Tarjotaan mahdollisuus varata aika myös paikan päällä.",
        "Seurataan jonotusaikoja ja puututaan havaittuihin eroihin.",
        "Käytetään selkokieltä ja tulkkipalveluja rohkeammin.",
    ),
    ValueKey.TRUST: (
        "Järjestetään rauhallinen huone luottamuksellisille keskusteluille.",
        "Pyritään siihen, että jokaisella asiakkaalla on nimetty omatyöntekijä.",
        "Kerrotaan asiakkaalle, mihin hänen tietojaan käytetään.",
        "Käydään ammatillisen käytöksen periaatteet yhdessä läpi.",
    ),
    ValueKey.EMPATHY: (
        "Lisätään työnohjausta ja purkukeskusteluja.",
        "Vastataan yhteydenottoihin nopeammin, ettei asiakas jää odottamaan.",
        "Koko tiimille koulutusta haastaviin asiakastilanteisiin.",
        "Pidetään tauot, jotta jaksamme kohdata asiakkaat lämmöllä.",
    ),
}
