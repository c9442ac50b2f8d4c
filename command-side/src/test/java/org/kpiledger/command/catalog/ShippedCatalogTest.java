package org.kpiledger.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;

/**
 * The shipped catalog against the source, Shinagawa City's comprehensive strategy draft of October 2015. The
 * expected table below was written from the source's own tables, in its own notation, apart from the catalog file:
 * id | name | unit | accumulation | direction | baseline as written | baseline value | target as written | target
 * value | target fiscal year | comparator.
 */
class ShippedCatalogTest {

    private static final String EXPECTED = """
            1-1-1-01 | 武蔵小山創業支援センター入居者のうち、区内で継続する事業者数(累計) | 事業者 | CUMULATIVE | INCREASE | 6事業者 | 6 | 21事業者 | 21 | 2019 | AT_LEAST
            1-1-2-01 | 立地継続支援事業利用件数(累計) | 件 | CUMULATIVE | INCREASE | — | — | 10件 | 10 | 2019 | AT_LEAST
            1-1-3-01 | ソフトウェア開発費助成企業数(累計) | 企業 | CUMULATIVE | INCREASE | 29企業 | 29 | 79企業 | 79 | 2019 | AT_LEAST
            1-1-3-02 | 知的財産権取得支援企業数(累計) | 企業 | CUMULATIVE | INCREASE | 78企業 | 78 | 153企業 | 153 | 2019 | AT_LEAST
            1-1-4-01 | 区内企業間の新規取引件数(年間) | 件 | ANNUAL | INCREASE | 6件 | 6 | 10件 | 10 | 2019 | AT_LEAST
            1-1-5-01 | 施設利用会員数 | 人 | LEVEL | INCREASE | — | — | 160人 | 160 | 2019 | AT_LEAST
            1-2-1-01 | 品川区就業センターへの相談者の就職件数(年間) | 件 | ANNUAL | INCREASE | 700件以上 (898件) | 700 | 750件以上 | 750 | 2019 | AT_LEAST
            1-2-2-01 | 支援を受けた企業が採用した人数(年間) | 人 | ANNUAL | INCREASE | 59人 | 59 | 90人 | 90 | 2019 | AT_LEAST
            1-2-3-01 | 就業体験事業の参加者のうち、雇用された人数(累計) | 人 | CUMULATIVE | INCREASE | 56人 | 56 | 146人 | 146 | 2019 | AT_LEAST
            1-2-3-02 | 女性向け就業相談件数(年間) | 件 | ANNUAL | INCREASE | 43件 | 43 | 175件 | 175 | 2019 | AT_LEAST
            2-1-1-01 | 観光案内所来所者数(年間) | 人 | ANNUAL | INCREASE | 28,817人 | 28817 | 40,000人 | 40000 | 2019 | AT_LEAST
            2-1-5-01 | しながわみやげ認定数(累計) | 件 | CUMULATIVE | INCREASE | 36件 | 36 | 71件 | 71 | 2019 | AT_LEAST
            2-1-6-01 | 区内長距離バスターミナル利用者数(年間) | 人 | ANNUAL | INCREASE | — | — | 200,000人 | 200000 | 2019 | AT_LEAST
            2-2-1-01 | 区内開催競技の周知度 | % | LEVEL | INCREASE | 9.4% | 9.4 | 80%超 (30年度) | 80 | 2018 | MORE_THAN
            2-2-2-01 | 英語少し通じますプロジェクト参加店舗数(累計) | 店舗 | CUMULATIVE | INCREASE | 23店舗 | 23 | 128店舗 | 128 | 2019 | AT_LEAST
            2-2-3-01 | 整備ルート数(累計) | ルート | CUMULATIVE | INCREASE | 4ルート | 4 | 10ルート | 10 | 2019 | AT_LEAST
            2-2-4-01 | 区民の定住意向 | % | LEVEL | INCREASE | — | — | 90%超 (30年度) | 90 | 2018 | MORE_THAN
            2-2-4-02 | メディア認知度(区外) | % | LEVEL | INCREASE | — | — | 65%超 (30年度) | 65 | 2018 | MORE_THAN
            2-2-5-01 | 研修参加者数(年間) | 人 | ANNUAL | INCREASE | 110人 | 110 | 200人 | 200 | 2019 | AT_LEAST
            2-3-1-01 | 全国自治体との連携事業数(年間) | 事業 | ANNUAL | INCREASE | — | — | 10事業 | 10 | 2019 | AT_LEAST
            3-1-1-01 | 妊娠期面接件数(年間) | 件 | ANNUAL | INCREASE | — | — | 4,100件 | 4100 | 2019 | AT_LEAST
            3-1-1-02 | 子育て期相談件数(年間) | 件 | ANNUAL | INCREASE | 800件 | 800 | 1,760件 | 1760 | 2019 | AT_LEAST
            3-1-1-03 | 家庭訪問率(年間) | % | ANNUAL | INCREASE | 84% | 84 | 100% | 100 | 2019 | AT_LEAST
            3-1-1-04 | 健やか親子支援事業の参加者数(年間) | 人 | ANNUAL | INCREASE | 6,841人 | 6841 | 7,180人 | 7180 | 2019 | AT_LEAST
            3-1-2-01 | 各事業参加者数の合計(年間) | 人 | ANNUAL | INCREASE | 5,148人 | 5148 | 6,100人 | 6100 | 2019 | AT_LEAST
            3-1-3-01 | 私立保育施設・事業の開設数(累計) | 施設 | CUMULATIVE | INCREASE | 67施設 | 67 | 118施設 | 118 | 2019 | AT_LEAST
            3-1-4-01 | 保幼小連携実施園数 | 園 | LEVEL | INCREASE | 79園 | 79 | 88園 | 88 | 2019 | AT_LEAST
            3-1-5-01 | 巡回相談実施回数(年間) | 回 | ANNUAL | INCREASE | 172回 | 172 | 286回 | 286 | 2019 | AT_LEAST
            3-1-6-01 | ファミリーサポート事業の活動件数(年間) | 件 | ANNUAL | INCREASE | 7,738件 | 7738 | 8,000件 | 8000 | 2019 | AT_LEAST
            3-1-7-01 | 啓発講座の参加者数(年間) | 人 | ANNUAL | INCREASE | 90人 | 90 | 100人 | 100 | 2019 | AT_LEAST
            3-1-7-02 | 配偶者出産休暇制度を導入した企業数(累計) | 企業 | CUMULATIVE | INCREASE | 5企業 | 5 | 30企業 | 30 | 2019 | AT_LEAST
            3-2-1-01 | 新カリキュラム実施校(年間) | 校 | ANNUAL | INCREASE | 3校 | 3 | 37校 | 37 | 2019 | AT_LEAST
            3-2-1-02 | 中学校オンライン英語レッスン実施校(年間) | 校 | ANNUAL | INCREASE | — | — | 15校 | 15 | 2019 | AT_LEAST
            3-2-1-03 | 体力向上事業実施校数(年間) | 校 | ANNUAL | INCREASE | — | — | 52校 | 52 | 2019 | AT_LEAST
            3-2-2-01 | 特別支援学級・特別支援教室の定員数(累計) | 人 | CUMULATIVE | INCREASE | 462人 | 462 | 578人 | 578 | 2019 | AT_LEAST
            3-2-3-01 | 児童・生徒1人あたりの平均貸出冊数(年間) | 冊 | ANNUAL | INCREASE | 40冊 | 40 | 44冊 | 44 | 2019 | AT_LEAST
            3-2-4-01 | 地域ボランティア登録者数 | 人 | LEVEL | INCREASE | 752人 | 752 | 770人 | 770 | 2019 | AT_LEAST
            3-2-5-01 | ICT機器配備台数(プロジェクタ・書画カメラ・ノートPC一式)(累計) | 台 | CUMULATIVE | INCREASE | 311台 | 311 | 761台 | 761 | 2019 | AT_LEAST
            4-1-1-01 | 訓練参加人数(年間) | 人 | ANNUAL | MAINTAIN | 23,200人 | 23200 | 23,200人 | 23200 | 2019 | AT_LEAST
            4-1-2-01 | ワークショップの実施回数(年間) | 回 | ANNUAL | MAINTAIN | 20回 | 20 | 20回 | 20 | 2019 | AT_LEAST
            4-1-3-01 | 非構造部材耐震化工事件数(累計) | 件 | CUMULATIVE | INCREASE | 114件 | 114 | 222件 (29年度完了) | 222 | 2017 | AT_LEAST
            4-1-3-02 | 備蓄用飲料水確保量(年間) | L | ANNUAL | MAINTAIN | 120,000L | 120000 | 120,000L | 120000 | 2019 | AT_LEAST
            4-1-4-01 | 自主的防犯活動団体数(累計) | 団体 | CUMULATIVE | INCREASE | 15団体 | 15 | 30団体 | 30 | 2019 | AT_LEAST
            4-1-5-01 | 地域ネットワークの協力者数(年間) | 人 | ANNUAL | INCREASE | 10,899人 | 10899 | 13,000人 | 13000 | 2019 | AT_LEAST
            4-1-6-01 | 管理不全空き家解消件数(累計) | 件 | CUMULATIVE | INCREASE | — | — | 25件 | 25 | 2019 | AT_LEAST
            4-1-6-02 | 空き家有効活用件数(累計) | 件 | CUMULATIVE | INCREASE | — | — | 5件 | 5 | 2019 | AT_LEAST
            4-2-1-01 | 地域での健康づくり活動に参加する人数(年間) | 人 | ANNUAL | INCREASE | 5,392人 | 5392 | 6,000人 | 6000 | 2019 | AT_LEAST
            4-2-2-01 | 国保基本健康診査の受診率 | % | LEVEL | INCREASE | 52.5% | 52.5 | 60.0% | 60.0 | 2019 | AT_LEAST
            4-2-3-01 | 品川区の自殺率(10万人あたりの人数) | 人/10万人 | LEVEL | DECREASE | 18 | 18 | 15 | 15 | 2019 | AT_MOST
            4-2-4-01 | 休日・小児夜間診療の受診人数(年間) | 人 | ANNUAL | MAINTAIN | 18,000人 | 18000 | 18,000人 | 18000 | 2019 | AT_LEAST
            4-2-5-01 | 在宅介護支援センターへの相談件数(年間) | 件 | ANNUAL | INCREASE | 175,025件 | 175025 | 201,000件 | 201000 | 2019 | AT_LEAST
            4-2-6-01 | 民間型緊急通報システムの利用世帯数(年間) | 世帯 | ANNUAL | INCREASE | 406世帯 | 406 | 1,100世帯 | 1100 | 2019 | AT_LEAST
            4-2-7-01 | 認知症サポーター養成講座受講者数(累計) | 人 | CUMULATIVE | INCREASE | 8,644人 | 8644 | 14,744人 | 14744 | 2019 | AT_LEAST
            4-2-8-01 | デイサービスセンター等活用型介護予防事業の参加者数(年間) | 人 | ANNUAL | INCREASE | 10,781人 | 10781 | 16,512人 | 16512 | 2019 | AT_LEAST
            4-2-9-01 | 要介護度改善ケア奨励事業により要介護度が改善した人数(年間) | 人 | ANNUAL | INCREASE | 86人 | 86 | 131人 | 131 | 2019 | AT_LEAST
            4-2-10-01 | 映画祭・講演会参加者数(年間) | 人 | ANNUAL | INCREASE | — | — | 500人 | 500 | 2019 | AT_LEAST
            4-3-1-01 | 芸術祭入場者数(年間) | 人 | ANNUAL | INCREASE | 8,722人 | 8722 | 10,000人 | 10000 | 2019 | AT_LEAST
            4-3-2-01 | 区史を活用した講座の受講者数(延)(年間) | 人 | ANNUAL | INCREASE | — | — | 1,490人 | 1490 | 2019 | AT_LEAST
            4-3-3-01 | しながわ学びの杜の講座受講者数(延)(年間) | 人 | ANNUAL | INCREASE | 23,995人 | 23995 | 31,170人 | 31170 | 2019 | AT_LEAST
            4-3-4-01 | 地域スポーツクラブの実施事業の参加者数(年間) | 人 | ANNUAL | INCREASE | 3,957人 | 3957 | 12,000人 | 12000 | 2019 | AT_LEAST
            4-4-1-01 | 活動紹介リーフレットの発行地区数(累計) | 地区 | CUMULATIVE | INCREASE | 9地区 | 9 | 13地区 | 13 | 2019 | AT_LEAST
            4-4-1-02 | 耐震改修が必要な町会会館数 | 会館 | LEVEL | DECREASE | 25会館 | 25 | 4会館 | 4 | 2019 | AT_MOST
            4-4-2-01 | 区民提案事業選定数(累計) | 事業 | CUMULATIVE | INCREASE | 11事業 | 11 | 16事業 | 16 | 2019 | AT_LEAST
            4-4-2-02 | 区からの課題提起事業選定数(累計) | 事業 | CUMULATIVE | INCREASE | 10事業 | 10 | 14事業 | 14 | 2019 | AT_LEAST
            4-4-3-01 | しながわCSR推進協議会の会員企業数(累計) | 企業 | CUMULATIVE | INCREASE | 56企業 | 56 | 72企業 | 72 | 2019 | AT_LEAST
            4-4-3-02 | 連携推進協議会の参加校数(累計) | 校 | CUMULATIVE | INCREASE | — | — | 7校 | 7 | 2019 | AT_LEAST
            4-4-4-01 | イベント事業の助成件数(年間) | 件 | ANNUAL | INCREASE | 47件 | 47 | 52件 | 52 | 2019 | AT_LEAST
            4-4-4-02 | にぎわい事業の助成件数(年間) | 件 | ANNUAL | INCREASE | 17件 | 17 | 18件 | 18 | 2019 | AT_LEAST
            4-4-4-03 | 小規模商店街の活動支援件数(年間) | 件 | ANNUAL | MAINTAIN | 20件以上 (49件) | 20 | 20件以上 | 20 | 2019 | AT_LEAST
            4-4-4-04 | マイスター店等を活用した支援事業数(累計) | 事業 | CUMULATIVE | INCREASE | 13事業 | 13 | 28事業 | 28 | 2019 | AT_LEAST
            4-4-5-01 | ステーションの設置地区数(累計) | 地区 | CUMULATIVE | INCREASE | 2地区 | 2 | 13地区 (30年度) | 13 | 2018 | AT_LEAST
            4-4-6-01 | 見守り活動実施団体数(累計) | 団体 | CUMULATIVE | INCREASE | 45団体 | 45 | 85団体 | 85 | 2019 | AT_LEAST
            """;
    private static Catalog catalog;
    private static Map<String, Catalog.Entry> byId;

    @BeforeAll
    static void readTheShippedCatalog() throws Exception {
        try (Reader csv = new InputStreamReader(
                ShippedCatalogTest.class.getResourceAsStream("/catalog/shinagawa-2015.csv"), StandardCharsets.UTF_8)) {
            catalog = new CatalogReader(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Tokyo")))
                    .read(csv);
        }
        byId = catalog.kpis().stream().collect(Collectors.toMap(
                entry -> entry.registration().kpiId().value(), Function.identity()));
    }

    @Test
    void holdsExactlyTheSeventyTwoKpisOfTheSourceAsItStatesThem() {
        List<String[]> expected = EXPECTED.lines().map(line -> Arrays.stream(line.split("\\|")).map(String::strip)
                .toArray(String[]::new)).toList();
        assertThat(expected).hasSize(72);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(row -> row[0]).toList());

        for (String[] row : expected) {
            RegisterKpiCommand kpi = byId.get(row[0]).registration();
            String at = "KPI " + row[0];
            assertThat(kpi.name()).as(at).isEqualTo(row[1]);
            assertThat(kpi.unit()).as(at).isEqualTo(row[2]);
            assertThat(kpi.accumulation().name()).as(at).isEqualTo(row[3]);
            assertThat(kpi.direction().name()).as(at).isEqualTo(row[4]);
            assertThat(kpi.baseline().fiscalYear().year()).as(at).isEqualTo(2014);
            if (row[6].equals("—")) {
                assertThat(kpi.baseline().isMeasured()).as(at + " baseline not measured").isFalse();
                assertThat(kpi.baseline().qualifier()).as(at).isEqualTo("—");
            } else {
                assertThat(kpi.baseline().value().amount()).as(at).isEqualByComparingTo(new BigDecimal(row[6]));
                if (row[5].contains("以上")) {
                    assertThat(kpi.baseline().qualifier()).as(at + " keeps the source's wording").isEqualTo(row[5]);
                }
            }
            assertThat(kpi.target().value().amount()).as(at).isEqualByComparingTo(new BigDecimal(row[8]));
            assertThat(kpi.target().fiscalYear().year()).as(at).isEqualTo(Integer.parseInt(row[9]));
            assertThat(kpi.target().comparator().name()).as(at).isEqualTo(row[10]);
        }
    }

    @Test
    void placesEveryKpiUnderTheMeasureOfTheSourceTable() {
        for (Catalog.Entry entry : catalog.kpis()) {
            String[] id = entry.registration().kpiId().value().split("-");
            assertThat(entry.placement().planId().value()).isEqualTo("shinagawa-2015");
            assertThat(entry.placement().policyCode()).isEqualTo(id[0] + "-" + id[1]);
            assertThat(entry.placement().measureNumber()).isEqualTo(Integer.parseInt(id[2]));
        }
    }

    @Test
    void statesThePlanWithItsFourBasicGoalsAndElevenPolicies() {
        assertThat(catalog.strategies()).hasSize(1);
        DefineStrategyCommand plan = catalog.strategies().get(0);
        assertThat(plan.title()).isEqualTo("品川区総合戦略");
        assertThat(plan.firstYear().year()).isEqualTo(2015);
        assertThat(plan.lastYear().year()).isEqualTo(2019);
        assertThat(plan.goals()).extracting(DefineStrategyCommand.Goal::title).containsExactly(
                "地域を支える産業の活力を高め、魅力ある雇用の場を創出する",
                "国際化への対応をさらに進めつつ、多様な地域との交流・連携を推進し、ともに発展する",
                "安心して子どもを生み、楽しく子育てができるまちをつくる",
                "生涯にわたり住み続けたい安心と活力のあるまちをつくる");
        assertThat(plan.goals().stream().flatMap(goal -> goal.policies().stream()).map(policy -> policy.code()
                + " " + policy.title())).containsExactly(
                "1-1 産業の活性化を図る",
                "1-2 多様な区民の就業を支援する",
                "2-1 都市型観光を推進する",
                "2-2 東京オリンピック・パラリンピックの開催を通じ、地域の活性化や国際化への対応を図る",
                "2-3 地方との連携・交流を通じ、相互の活性化・発展をめざす",
                "3-1 誰もが安心して産み育てることができる子育て環境をつくる",
                "3-2 確かな学力と豊かな人間性を育む学校教育の充実を図る",
                "4-1 安全で安心して住み続けられる地域社会をつくる",
                "4-2 誰もがいつまでも元気で暮らせる環境を整備する",
                "4-3 いきいきと豊かな生活を楽しむことができる場や機会を充実する",
                "4-4 協働・共助による支え合いの地域社会をつくる");
        DefineStrategyCommand.Measure youngAndOld = plan.goals().get(0).policies().get(1).measures().get(2);
        assertThat(youngAndOld.title()).isEqualTo("多様な世代に対する就業支援");
        assertThat(youngAndOld.overallPlans()).containsExactly("若年者の経済的自立の支援", "高齢者・女性の就業機会創出の支援");
    }
}
