/**
 * The fixed, real part of the demo province: the 13 city-level unions and the
 * county-level units under them (domain.md §9.1).
 *
 * Only names and GB/T 2260 codes we are sure of are listed; the demo does not
 * need every county, just enough real ones that users recognise the tree.
 *
 * Jurisdiction codes (工会管辖区划, domain.md §9.1 recommendation): units that
 * are union jurisdictions but have no GB/T 2260 code of their own get an
 * internal code 'J' + 2-digit province + 3 digits:
 *   J61001 杨凌示范区  (its territory is 杨陵区 610403, listed under 咸阳 by GB/T 2260)
 *   J61002 西咸新区    (national new area, 代管 by 西安 since 2017, spans 西安 and 咸阳)
 *   J61011 西安高新技术产业开发区, J61012 西安经济技术开发区
 *   J61021–J61025 the five 新城 of 西咸新区
 * A 统一社会信用代码 needs a real 6-digit division code, so each such unit also
 * names the `creditRegion` its union would register under.
 */

export type CountyDef = {
  /** Name as used inside the union's name, e.g. '雁塔区', '沣东新城'. */
  readonly name: string;
  readonly regionCode: string;
  /** GB/T 2260 code used in credit codes; defaults to regionCode. */
  readonly creditRegion?: string;
  /** Full union name when '{city prefix}{name}总工会' reads wrong (开发区). */
  readonly unionName?: string;
  /** Prefix for units under it when `name` alone is ambiguous, e.g. '西安高新区'. */
  readonly label?: string;
  /** Real 乡镇/街道 to create township unions for (a handful per big district). */
  readonly townships?: readonly string[];
};

export type CityDef = {
  /** Full union name. */
  readonly unionName: string;
  /** Short name shown in lists, also the prefix used in synthetic names. */
  readonly shortName: string;
  /** Prefix for names of units under the city, e.g. '西安市', '杨凌示范区'. */
  readonly prefix: string;
  readonly regionCode: string;
  readonly creditRegion: string;
  /** Relative share of the province's grassroots unions (西安 ≈ 35%). */
  readonly weight: number;
  readonly counties: readonly CountyDef[];
  /** Township unions directly under the city (韩城, 杨凌 have no county level). */
  readonly townships?: readonly string[];
  /** City-level 产业系统工会 (domain.md §9.2: 县(市、区)总工会 / 产业系统工会 level). */
  readonly systems?: readonly ('education' | 'health')[];
};

/** In the order the province lists them (domain.md §9.1: 10 cities + 韩城 + 杨凌 + 西咸). */
export const SHAANXI_CITIES: readonly CityDef[] = [
  {
    unionName: '西安市总工会',
    shortName: '西安',
    prefix: '西安市',
    regionCode: '610100',
    creditRegion: '610100',
    weight: 35,
    systems: ['education', 'health'],
    counties: [
      { name: '新城区', regionCode: '610102', townships: ['西一路街道', '韩森寨街道', '解放门街道', '胡家庙街道'] },
      { name: '碑林区', regionCode: '610103', townships: ['南院门街道', '柏树林街道', '长乐坊街道', '张家村街道'] },
      { name: '莲湖区', regionCode: '610104', townships: ['北院门街道', '青年路街道', '土门街道', '枣园街道'] },
      { name: '灞桥区', regionCode: '610111', townships: ['纺织城街道'] },
      { name: '未央区', regionCode: '610112', townships: ['张家堡街道', '大明宫街道', '未央宫街道', '草滩街道'] },
      {
        name: '雁塔区',
        regionCode: '610113',
        townships: ['小寨路街道', '大雁塔街道', '长延堡街道', '电子城街道', '鱼化寨街道', '丈八沟街道'],
      },
      { name: '阎良区', regionCode: '610114' },
      { name: '临潼区', regionCode: '610115' },
      { name: '长安区', regionCode: '610116', townships: ['韦曲街道', '郭杜街道'] },
      { name: '高陵区', regionCode: '610117' },
      { name: '鄠邑区', regionCode: '610118' },
      { name: '蓝田县', regionCode: '610122' },
      { name: '周至县', regionCode: '610124' },
      // 开发区 unions are union jurisdictions without a GB/T 2260 code (domain.md §9.1).
      {
        name: '高新区',
        regionCode: 'J61011',
        creditRegion: '610100',
        unionName: '西安高新技术产业开发区总工会',
        label: '西安高新区',
      },
      {
        name: '经开区',
        regionCode: 'J61012',
        creditRegion: '610100',
        unionName: '西安经济技术开发区总工会',
        label: '西安经开区',
      },
    ],
  },
  {
    unionName: '铜川市总工会',
    shortName: '铜川',
    prefix: '铜川市',
    regionCode: '610200',
    creditRegion: '610200',
    weight: 2.5,
    counties: [
      { name: '王益区', regionCode: '610202' },
      { name: '印台区', regionCode: '610203' },
      { name: '耀州区', regionCode: '610204' },
    ],
  },
  {
    unionName: '宝鸡市总工会',
    shortName: '宝鸡',
    prefix: '宝鸡市',
    regionCode: '610300',
    creditRegion: '610300',
    weight: 10,
    systems: ['health'],
    counties: [
      { name: '渭滨区', regionCode: '610302', townships: ['经二路街道', '清姜街道'] },
      { name: '金台区', regionCode: '610303' },
      { name: '陈仓区', regionCode: '610304' },
      { name: '凤翔区', regionCode: '610305' },
      { name: '岐山县', regionCode: '610323' },
      { name: '扶风县', regionCode: '610324' },
      { name: '眉县', regionCode: '610326' },
    ],
  },
  {
    unionName: '咸阳市总工会',
    shortName: '咸阳',
    prefix: '咸阳市',
    regionCode: '610400',
    creditRegion: '610400',
    weight: 10,
    systems: ['education'],
    counties: [
      { name: '秦都区', regionCode: '610402', townships: ['人民路街道', '西兰路街道', '吴家堡街道'] },
      // GB/T 2260 lists 杨陵区 under 咸阳; the 杨凌示范区 union below is the provincial-level jurisdiction.
      { name: '杨陵区', regionCode: '610403' },
      { name: '渭城区', regionCode: '610404' },
      { name: '三原县', regionCode: '610422' },
      { name: '泾阳县', regionCode: '610423' },
      { name: '乾县', regionCode: '610424' },
      { name: '礼泉县', regionCode: '610425' },
      { name: '永寿县', regionCode: '610426' },
      { name: '长武县', regionCode: '610428' },
      { name: '旬邑县', regionCode: '610429' },
      { name: '淳化县', regionCode: '610430' },
      { name: '武功县', regionCode: '610431' },
      { name: '兴平市', regionCode: '610481' },
      { name: '彬州市', regionCode: '610482' },
    ],
  },
  {
    unionName: '渭南市总工会',
    shortName: '渭南',
    prefix: '渭南市',
    regionCode: '610500',
    creditRegion: '610500',
    weight: 9,
    counties: [
      { name: '临渭区', regionCode: '610502' },
      { name: '华州区', regionCode: '610503' },
      { name: '大荔县', regionCode: '610523' },
      { name: '蒲城县', regionCode: '610526' },
      { name: '富平县', regionCode: '610528' },
      { name: '华阴市', regionCode: '610582' },
    ],
  },
  {
    unionName: '延安市总工会',
    shortName: '延安',
    prefix: '延安市',
    regionCode: '610600',
    creditRegion: '610600',
    weight: 6,
    counties: [
      { name: '宝塔区', regionCode: '610602' },
      { name: '安塞区', regionCode: '610603' },
      { name: '延长县', regionCode: '610621' },
      { name: '延川县', regionCode: '610622' },
    ],
  },
  {
    unionName: '汉中市总工会',
    shortName: '汉中',
    prefix: '汉中市',
    regionCode: '610700',
    creditRegion: '610700',
    weight: 6,
    counties: [
      { name: '汉台区', regionCode: '610702' },
      { name: '南郑区', regionCode: '610703' },
      { name: '城固县', regionCode: '610722' },
      { name: '洋县', regionCode: '610723' },
      { name: '勉县', regionCode: '610725' },
    ],
  },
  {
    unionName: '榆林市总工会',
    shortName: '榆林',
    prefix: '榆林市',
    regionCode: '610800',
    creditRegion: '610800',
    weight: 9,
    counties: [
      { name: '榆阳区', regionCode: '610802', townships: ['鼓楼街道', '青山路街道'] },
      { name: '横山区', regionCode: '610803' },
      { name: '府谷县', regionCode: '610822' },
      { name: '靖边县', regionCode: '610824' },
      { name: '神木市', regionCode: '610881' },
    ],
  },
  {
    unionName: '安康市总工会',
    shortName: '安康',
    prefix: '安康市',
    regionCode: '610900',
    creditRegion: '610900',
    weight: 4,
    counties: [
      { name: '汉滨区', regionCode: '610902' },
      { name: '汉阴县', regionCode: '610921' },
      { name: '旬阳市', regionCode: '610981' },
    ],
  },
  {
    unionName: '商洛市总工会',
    shortName: '商洛',
    prefix: '商洛市',
    regionCode: '611000',
    creditRegion: '611000',
    weight: 3,
    counties: [
      { name: '商州区', regionCode: '611002' },
      { name: '洛南县', regionCode: '611021' },
      { name: '丹凤县', regionCode: '611022' },
      { name: '山阳县', regionCode: '611024' },
    ],
  },
  {
    // 省内计划单列市, listed next to the cities (domain.md §9.1); no county level below it.
    unionName: '韩城市总工会',
    shortName: '韩城',
    prefix: '韩城市',
    regionCode: '610581',
    creditRegion: '610581',
    weight: 1.5,
    counties: [],
    townships: ['新城街道', '龙门镇'],
  },
  {
    unionName: '杨凌示范区总工会',
    shortName: '杨凌',
    prefix: '杨凌示范区',
    regionCode: 'J61001',
    creditRegion: '610403',
    weight: 1,
    counties: [],
    townships: ['五泉镇', '揉谷镇'],
  },
  {
    unionName: '西咸新区总工会',
    shortName: '西咸新区',
    prefix: '西咸新区',
    regionCode: 'J61002',
    // 代管 by 西安 since 2017 (domain.md §9.1): its unions register in 西安.
    creditRegion: '610100',
    weight: 3,
    counties: [
      { name: '沣东新城', regionCode: 'J61021', creditRegion: '610100' },
      { name: '沣西新城', regionCode: 'J61022', creditRegion: '610100' },
      { name: '秦汉新城', regionCode: 'J61023', creditRegion: '610100' },
      { name: '空港新城', regionCode: 'J61024', creditRegion: '610100' },
      { name: '泾河新城', regionCode: 'J61025', creditRegion: '610100' },
    ],
  },
];

