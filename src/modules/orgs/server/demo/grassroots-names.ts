/**
 * Word lists and name makers for synthetic grassroots unions (基层工会).
 *
 * Every maker returns a plausible full union name for one kind of unit plus a
 * realistic employee count. The brands are invented; only the place names are
 * real. Names need not be unique here: the assembler retries on a clash.
 *
 * The kinds follow who actually forms grassroots unions in Shaanxi: enterprises,
 * 机关事业单位, schools, hospitals, 联合基层工会 covering small firms, and the
 * 新就业形态 groups (快递员、外卖配送员、网约车司机、货车司机, domain.md §1.4).
 */
import type { Random } from '../../../../core/demo/random';

/** Where a unit is: the names of the places around it. */
export type PlaceContext = {
  /** '西安', '西咸新区' — prefix of enterprise names. */
  readonly cityShort: string;
  /** '西安市', '杨凌示范区' — prefix of city-level institutions. */
  readonly cityPrefix: string;
  /** County-level prefix of institutions: '西安市雁塔区', '周至县', '西安高新区'; the city prefix when none. */
  readonly countyFull: string;
  /** Short county-level name: '雁塔区', '沣东新城'; the city prefix when none. */
  readonly county: string;
  /** Stem for enterprise names: '雁塔', '周至'; the city short name when none fits. */
  readonly countyStem: string;
  /** '小寨路街道' when the unit sits under a township union. */
  readonly township: string | null;
  /** True for 市直 units of a city with counties: city-run schools, hospitals, companies. */
  readonly cityLevel: boolean;
};

export type GrassrootsName = {
  readonly name: string;
  /** 联合基层工会: one union covering several small units. */
  readonly joint: boolean;
  readonly employees: number;
};

type Maker = (rng: Random, place: PlaceContext) => GrassrootsName;

// ---------------------------------------------------------------- word lists

/** Invented two-character brands (字号). */
export const BRANDS = [
  '秦川', '华秦', '汉唐', '秦岭', '渭水', '终南', '骊山', '大唐', '丝路', '鼎盛', '恒通', '华信', '宏达', '瑞丰',
  '金泰', '盛源', '鑫源', '永兴', '新丰', '天元', '正和', '博远', '德润', '嘉禾', '康平', '隆昌', '明德', '启航',
  '荣盛', '顺达', '泰和', '万通', '祥和', '兴业', '远景', '志诚', '中天', '宏远', '信达', '华泰', '安泰', '百盛',
  '诚信', '东方', '丰源', '广汇', '汇通', '佳美', '锦程', '凯盛', '蓝海', '绿源', '宁远', '鹏程', '青松', '瑞祥',
  '三秦', '圣元', '腾飞', '通达', '伟业', '银河', '振华', '智远', '卓越', '宝丰', '晨光', '大成', '鼎立', '福星',
  '国泰', '和信', '弘毅', '华宇', '吉祥', '金桥', '聚力', '坤泰', '乐居', '联创', '龙腾', '茂源', '南山', '品诚',
  '秦华', '荣泰', '润泽', '尚德', '天利', '同心', '旺达', '亿丰', '源通', '长青', '众合', '瀚海', '金鼎', '秦风',
  '唐韵', '沣河', '灞柳', '曲江', '太白', '华岳', '秦都', '周原', '岐丰', '汉水', '北辰', '星火', '赛达', '安达',
] as const;

/** Industries of private enterprises with a weight for how common they are. */
const COMPANY_TRADES: readonly (readonly [string, number])[] = [
  ['机械制造', 4], ['机电设备', 3], ['汽车零部件', 2], ['电子科技', 4], ['信息技术', 4], ['软件', 2], ['新材料', 2],
  ['建材', 3], ['化工', 2], ['医药', 2], ['食品', 4], ['乳业', 1], ['果业', 2], ['农业科技', 2], ['商贸', 5],
  ['建筑工程', 5], ['建设工程', 3], ['装饰工程', 2], ['房地产开发', 2], ['文化传媒', 2], ['旅游开发', 1],
  ['环保科技', 2], ['新能源', 2], ['光伏科技', 1], ['纺织', 1], ['服装', 1], ['印务', 1], ['包装', 1],
  ['电力工程', 2], ['通信工程', 2], ['检测技术', 1], ['人力资源', 1], ['钢结构', 1], ['陶瓷', 1], ['酒店管理', 2],
];

const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['有限责任公司', 20],
  ['股份有限公司', 10],
];

/** Both forms are in use: '…工会委员会' is the formal one, '…工会' the everyday one. */
const UNION_SUFFIXES: readonly (readonly [string, number])[] = [
  ['工会委员会', 55],
  ['工会', 45],
];

/** Street-ish words schools and community health centres are named after. */
const ROADS = [
  '建设路', '解放路', '东关', '西关', '南关', '北关', '文化路', '朝阳路', '和平路', '团结路', '新华路', '人民路',
  '育才路', '青年路', '红旗', '光明', '幸福路', '长乐路', '友谊路', '实验', '城关', '东风路', '胜利路', '中山路',
  '北大街', '南大街', '东大街', '西大街', '纬二路', '经一路',
] as const;

/** County-level departments whose staff form 机关工会. */
const COUNTY_DEPARTMENTS = [
  '人民政府办公室', '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '水务局', '农业农村局', '商务局',
  '文化和旅游局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局',
  '林业局', '城市管理局', '人民法院', '人民检察院', '税务局', '供销合作社', '档案馆', '融媒体中心',
] as const;

/** Provincial departments (省直机关) — real names of 陕西省 government bodies. */
export const PROVINCE_DEPARTMENTS = [
  '发展和改革委员会', '教育厅', '科学技术厅', '工业和信息化厅', '民政厅', '司法厅', '财政厅', '人力资源和社会保障厅',
  '自然资源厅', '生态环境厅', '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅',
  '卫生健康委员会', '退役军人事务厅', '应急管理厅', '审计厅', '市场监督管理局', '统计局', '体育局', '林业局',
  '医疗保障局', '地方金融管理局', '乡村振兴局', '机关事务管理局', '信访局', '粮食和物资储备局',
] as const;

const PROVINCE_INSTITUTE_FIELDS = [
  '农业', '林业', '水利', '交通', '建设', '环境', '卫生', '教育', '科技', '文化', '统计', '社会保障', '人才',
  '质量', '能源',
] as const;

const CROPS = ['苹果', '猕猴桃', '茶叶', '核桃', '花椒', '蔬菜', '中药材', '食用菌', '樱桃', '红枣', '奶山羊', '生猪'] as const;

const PROJECTS = ['安置房', '道路改造', '综合管廊', '学校建设', '产业园', '地铁站', '污水处理厂', '棚户区改造', '体育馆', '保障房'] as const;

// ------------------------------------------------------------------- helpers

/** Chinese numerals 1–99 as used in '第二十三中学'. */
export function cnNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits.charAt(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits.charAt(tens)}十${ones === 0 ? '' : digits.charAt(ones)}`;
}

/** Log-uniform integer in [min, max]: small values common, big ones possible. */
function logUniform(rng: Random, min: number, max: number): number {
  const lo = Math.log(min);
  const hi = Math.log(max + 1);
  return Math.max(min, Math.min(max, Math.floor(Math.exp(lo + rng.next() * (hi - lo)))));
}

/** Employee count from weighted size bands, log-uniform within a band. */
function headcount(rng: Random, bands: readonly (readonly [number, number, number])[]): number {
  const [min, max] = rng.weighted(bands.map((b) => [[b[0], b[1]] as const, b[2]] as const));
  return logUniform(rng, min, max);
}

/** Most units 25–300, some thousands (domain.md §1.5: 建会 threshold is often 25 employees). */
const SME: readonly (readonly [number, number, number])[] = [
  [8, 25, 8],
  [25, 300, 70],
  [300, 1500, 17],
  [1500, 8000, 5],
];
/** Large enterprises of the provincial industry unions and 单列单位 (big SOEs reach tens of thousands). */
const LARGE: readonly (readonly [number, number, number])[] = [
  [100, 800, 45],
  [800, 5000, 40],
  [5000, 15000, 11],
  [15000, 40000, 4],
];

const union = (rng: Random) => rng.weighted(UNION_SUFFIXES);
const form = (rng: Random) => rng.weighted(COMPANY_FORMS);
const brand = (rng: Random) => rng.pick(BRANDS);
/** Enterprise name prefix: mostly the city, sometimes the county. */
const place = (rng: Random, p: PlaceContext) => (rng.next() < 0.65 ? p.cityShort : p.countyStem);
const area = (p: PlaceContext) => p.township ?? p.county;
const unit = (name: string, employees: number, joint = false): GrassrootsName => ({ name, joint, employees });

/**
 * '{place}{brand}{trade}{form}{union}' with the trade chosen from `trades`.
 * Province-wide enterprises (of the industry unions) are often named '陕西…';
 * otherwise the name carries the place the unit is in.
 */
const enterprise =
  (trades: readonly string[], bands = SME, provinceShare = 0): Maker =>
  (rng, p) => {
    const pre = provinceShare > 0 ? (rng.next() < provinceShare ? '陕西' : p.cityShort) : place(rng, p);
    return unit(`${pre}${brand(rng)}${rng.pick(trades)}${form(rng)}${union(rng)}`, headcount(rng, bands));
  };

/** A 联合基层工会 of one cluster of small units: '{area}{brand}{cluster}联合工会'. */
const jointOf =
  (clusters: readonly string[], suffix = '联合工会'): Maker =>
  (rng, p) =>
    unit(`${area(p)}${brand(rng)}${rng.pick(clusters)}${suffix}`, rng.int(30, 500), true);

/** 项目工会 of a construction project (recorded as a grassroots union). */
const constructionProject: Maker = (rng, p) =>
  unit(`${p.cityShort}${brand(rng)}建设${p.countyStem}${rng.pick(PROJECTS)}项目工会`, headcount(rng, [[60, 400, 70], [400, 1200, 30]]));

// -------------------------------------------------------------------- makers

export const MAKERS = {
  /** Private enterprise (民营企业), the bulk of grassroots unions. */
  company: (rng, p) =>
    unit(`${place(rng, p)}${brand(rng)}${rng.weighted(COMPANY_TRADES)}${form(rng)}${union(rng)}`, headcount(rng, SME)),

  /** City or county state-owned company (地方国企). */
  localSoe: (rng, p) => {
    const cityLevel = p.cityLevel;
    const what = rng.pick([
      '城市建设投资集团有限公司', '水务集团有限公司', '公共交通集团有限公司', '燃气集团有限公司', '热力有限公司',
      '文化旅游投资集团有限公司', '交通投资集团有限公司', '国有资产运营有限公司', '供排水有限公司', '环境卫生服务有限公司',
    ]);
    return unit(
      `${cityLevel ? p.cityPrefix : p.countyFull}${what}${union(rng)}`,
      cityLevel ? headcount(rng, [[200, 1500, 60], [1500, 6000, 40]]) : headcount(rng, [[40, 300, 70], [300, 1200, 30]]),
    );
  },

  /** Primary and middle schools. */
  school: (rng, p) => {
    if (p.cityLevel && rng.next() < 0.6) {
      return unit(`${p.cityPrefix}第${cnNumber(rng.int(1, p.cityShort === '西安' ? 99 : 20))}中学工会`, rng.int(80, 320));
    }
    if (rng.next() < 0.4) {
      return unit(`${p.countyFull}第${cnNumber(rng.int(1, 15))}中学工会`, rng.int(60, 280));
    }
    return unit(`${area(p)}${rng.pick(ROADS)}小学工会`, rng.int(25, 140));
  },

  kindergarten: (rng, p) => unit(`${area(p)}${rng.pick(ROADS)}幼儿园工会`, rng.int(12, 70)),

  vocationalSchool: (rng, p) =>
    unit(
      `${rng.next() < 0.5 ? p.countyFull : p.cityPrefix}${rng.pick(['职业教育中心', '职业技术学校', '技工学校', '特殊教育学校'])}工会`,
      rng.int(40, 260),
    ),

  /** Public hospitals and health bodies of a county or city. */
  hospital: (rng, p) => {
    if (p.cityLevel) {
      const what = rng.pick([
        '中心医院', '第一人民医院', '第二人民医院', '第三医院', '中医医院', '妇幼保健院', '儿童医院', '精神卫生中心',
        '急救中心', '疾病预防控制中心', '口腔医院', '胸科医院',
      ]);
      return unit(`${p.cityPrefix}${what}工会`, headcount(rng, [[200, 1000, 45], [1000, 4000, 45], [4000, 9000, 10]]));
    }
    const what = rng.pick([
      '人民医院', '中医医院', '妇幼保健院', '疾病预防控制中心', '第二人民医院', '第三人民医院', '精神卫生中心',
      '卫生健康综合执法大队', '急救站', '口腔医院',
    ]);
    return unit(`${p.countyFull}${what}工会`, headcount(rng, [[80, 400, 50], [400, 1600, 50]]));
  },

  /** Private hospitals. */
  privateHospital: (rng, p) => unit(`${place(rng, p)}${brand(rng)}医院工会`, headcount(rng, [[40, 200, 70], [200, 800, 30]])),

  /** 社区卫生服务中心 in streets, 卫生院 in towns. */
  clinic: (rng, p) =>
    p.township?.endsWith('镇')
      ? unit(`${p.countyFull === p.cityPrefix ? p.cityPrefix : p.county}${p.township}卫生院工会`, rng.int(15, 80))
      : unit(`${area(p)}${rng.pick(ROADS)}社区卫生服务中心工会`, rng.int(15, 90)),

  /** 机关工会 of a county department, or of a street office. */
  agency: (rng, p) => {
    if (p.township !== null && rng.next() < 0.5) {
      const office = p.township.endsWith('镇') ? '人民政府' : '办事处';
      return unit(`${p.county}${p.township}${office}机关工会`, rng.int(30, 120));
    }
    return unit(`${p.countyFull}${rng.pick(COUNTY_DEPARTMENTS)}机关工会`, rng.int(20, 260));
  },

  /**
   * 新就业形态: station and platform-partner unions of 快递员、外卖配送员、网约车司机、货车司机
   * (domain.md §1.4) — the groups the 集中入会行动 targets.
   */
  gig: (rng, p) => {
    switch (rng.int(0, 6)) {
      case 0:
        return unit(`${place(rng, p)}${brand(rng)}快递有限公司${union(rng)}`, headcount(rng, [[30, 300, 80], [300, 900, 20]]));
      case 1:
        return unit(`${area(p)}${brand(rng)}快递服务站联合工会`, rng.int(20, 180), true);
      case 2:
        return unit(`${area(p)}${brand(rng)}外卖配送站工会`, rng.int(20, 300));
      case 3:
        return unit(`${place(rng, p)}${brand(rng)}网约车服务有限公司${union(rng)}`, headcount(rng, [[50, 500, 70], [500, 3000, 30]]));
      case 4:
        return unit(`${place(rng, p)}${brand(rng)}货运物流有限公司${union(rng)}`, headcount(rng, [[30, 300, 75], [300, 1200, 25]]));
      case 5:
        return unit(`${area(p)}货车司机之家联合工会`, rng.int(60, 1500), true);
      default:
        return unit(`${area(p)}${brand(rng)}同城配送站点工会`, rng.int(15, 150));
    }
  },

  /** 联合基层工会 covering small firms of a商圈, 园区, 楼宇 or 社区 (domain.md §1.5: ~2.3 units per union). */
  joint: (rng, p) => {
    if (rng.next() < 0.25) {
      return unit(`${area(p)}第${cnNumber(rng.int(1, 12))}联合工会`, rng.int(30, 400), true);
    }
    const cluster = rng.pick(['商圈', '工业园', '楼宇', '商业街', '小微企业', '农贸市场', '建材市场', '社区', '电商产业园']);
    return unit(`${area(p)}${brand(rng)}${cluster}联合工会委员会`, rng.int(30, 600), true);
  },

  /** 农民专业合作社: small, rural. */
  coop: (rng, p) => unit(`${p.countyStem}${brand(rng)}${rng.pick(CROPS)}专业合作社工会`, rng.int(6, 60)),

  project: constructionProject,

  restaurant: enterprise(['餐饮管理', '餐饮服务', '酒店', '饮食文化', '食品连锁']),
  retail: enterprise(['商贸', '超市', '百货', '购物中心', '家居', '汽车销售服务', '医药连锁']),
  /** Service trades among Shaanxi's "八大群体" (保安、家政、护工、房产中介, domain.md §1.4). */
  services: enterprise(['物业服务', '保安服务', '家政服务', '护理服务', '房地产经纪', '劳务派遣']),
  construction: enterprise(['建筑工程', '市政工程', '建筑劳务', '装饰工程', '路桥工程']),

  /** 联合工会 of the clusters the trade federations are built around. */
  restaurantJoint: jointOf(['美食街', '餐饮街区', '夜市', '小吃城'], '餐饮联合工会'),
  retailJoint: jointOf(['商圈', '商业街', '农贸市场', '建材市场', '购物广场'], '联合工会委员会'),
  servicesJoint: jointOf(['社区', '小区', '家政服务点'], '服务业联合工会'),
  parkJoint: jointOf(['工业园', '产业园', '电商产业园', '科技园'], '联合工会委员会'),

  // ------------------------------------------ units of the provincial industry unions (domain.md §9.2)

  defense: enterprise(['机电', '光电', '精密仪器', '电子仪器', '航空零部件', '特种装备', '精密机械'], LARGE, 0.4),

  /** Universities and colleges of 省教育工会; a few universities have thousands of staff. */
  college: (rng, p) => {
    const pre = rng.pick(['陕西', p.cityShort]);
    if (rng.next() < 0.2) return unit(`${pre}${brand(rng)}大学工会`, headcount(rng, [[1500, 6000, 80], [6000, 14000, 20]]));
    const what = rng.pick(['职业技术学院', '职业学院', '学院', '理工学院', '科技学院', '师范学院', '工程学院', '医学高等专科学校']);
    return unit(`${pre}${brand(rng)}${what}工会`, rng.int(300, 2200));
  },

  trade: enterprise(['商贸', '百货', '超市', '粮油', '医药连锁', '外贸', '供应链'], [[50, 500, 70], [500, 4000, 30]], 0.2),
  transport: enterprise(['公路运输', '公交', '客运', '出租汽车', '物流', '高速公路服务', '汽车运输'], [[80, 800, 65], [800, 6000, 35]], 0.2),

  /** Water, forestry, farming and weather stations (省农林水利气象工会). */
  farmWaterWeather: (rng, p) => {
    if (rng.next() < 0.3) return unit(`陕西省${brand(rng)}${rng.pick(['林场', '水库管理站', '渠道管理站', '良种场'])}工会`, rng.int(30, 400));
    const what = rng.pick(['水利工作站', '林业站', '农业技术推广中心', '水土保持工作站', '灌区管理站', '畜牧兽医站']);
    return unit(`${p.countyFull}${what}工会`, rng.int(10, 120));
  },

  heavyIndustry: enterprise(['机床', '重型机械', '钢铁', '铝业', '水泥', '建材', '汽车', '齿轮', '锻压', '铸造', '钛业'], LARGE, 0.4),
  energy: enterprise(['煤业', '化工', '能源', '天然气', '电力', '热电', '煤化工', '新能源'], LARGE, 0.4),
  electronics: enterprise(['电子科技', '信息技术', '软件', '半导体', '通信技术', '光电科技', '集成电路'], [[50, 600, 60], [600, 5000, 35], [5000, 12000, 5]], 0.3),

  /** Research, culture and sport bodies (省教科文卫体工会). */
  scienceCulture: (rng, p) => {
    const r = rng.next();
    // Provincial institutes sit in the capital.
    if (r < 0.35 && p.cityShort === '西安') {
      return unit(`陕西省${rng.pick(PROVINCE_INSTITUTE_FIELDS)}${rng.pick(['研究院', '研究所', '科学院', '检测中心'])}工会`, rng.int(40, 600));
    }
    if (r < 0.65) {
      const what = rng.pick(['图书馆', '博物馆', '文化馆', '体育中心', '广播电视台', '艺术剧院', '青少年活动中心', '科技馆']);
      return unit(`${p.cityPrefix}${what}工会`, rng.int(30, 500));
    }
    const what = rng.pick(['文化馆', '图书馆', '体育运动中心', '融媒体中心', '博物馆', '秦腔剧团', '文物管理所']);
    return unit(`${p.countyFull}${what}工会`, rng.int(12, 150));
  },

  /** Province-level hospitals (省卫生健康系统). */
  provinceHospital: (rng, p) => {
    if (rng.next() < 0.3 && p.cityShort === '西安') {
      const what = rng.pick(['人民医院', '肿瘤医院', '中医医院', '妇幼保健院', '第二人民医院', '康复医院', '结核病医院', '精神卫生中心', '友谊医院']);
      return unit(`陕西省${what}工会`, headcount(rng, [[800, 3000, 50], [3000, 9000, 50]]));
    }
    const what = rng.pick(['医院', '中医医院', '骨科医院', '眼科医院', '康复医院', '口腔医院', '中西医结合医院']);
    return unit(`${rng.pick(['陕西', p.cityShort])}${brand(rng)}${what}工会`, headcount(rng, [[150, 800, 60], [800, 3000, 40]]));
  },

  building: (rng, p) =>
    rng.next() < 0.6
      ? unit(`陕西${brand(rng)}建工${rng.pick(['集团', '第一工程', '第二工程', '安装工程', '市政工程', '机械施工'])}有限公司工会`, headcount(rng, LARGE))
      : constructionProject(rng, p),

  lightIndustry: enterprise(['纺织', '服装', '印染', '造纸', '食品', '乳业', '酒业', '卷烟配送', '制药'], [[50, 500, 60], [500, 4000, 35], [4000, 10000, 5]], 0.3),

  /** Banks, insurers and brokers (省金融工会). */
  finance: (rng, p) => {
    switch (rng.int(0, 4)) {
      case 0:
        return unit(`${p.cityShort}${brand(rng)}农村商业银行股份有限公司工会`, rng.int(200, 2500));
      case 1:
        return unit(`${p.countyStem}${brand(rng)}村镇银行工会`, rng.int(20, 120));
      case 2:
        return unit(`${brand(rng)}人寿保险股份有限公司陕西分公司工会`, rng.int(80, 1500));
      case 3:
        return unit(`${brand(rng)}证券股份有限公司陕西分公司工会`, rng.int(40, 600));
      default:
        return unit(`${p.cityShort}${brand(rng)}融资担保有限公司工会`, rng.int(15, 120));
    }
  },

  /** Rural credit, supply and marketing co-operatives (供销合作系统). */
  supplyCoop: (rng, p) => unit(`${p.countyFull}供销合作社${rng.pick(['联合社', '农资公司', '棉麻公司', '日杂公司'])}工会`, rng.int(15, 200)),
  highway: (rng, p) => unit(`${p.countyFull}${rng.pick(['公路管理段', '公路养护中心', '道路运输服务中心', '高速公路收费站'])}工会`, rng.int(20, 260)),
  weather: (rng, p) =>
    unit(
      `${p.countyFull}${rng.pick(['气象局', '气象台', '人工影响天气中心', '国家基本气象站', '防雷减灾中心', '农业气象试验站'])}工会`,
      rng.int(8, 60),
    ),
  geology: (rng) =>
    unit(
      rng.next() < 0.3
        ? `陕西省第${cnNumber(rng.int(1, 30))}地质队工会`
        : `陕西${brand(rng)}${rng.pick(['地质勘查院', '测绘院', '水文地质工程地质队', '矿产勘查院', '地质环境监测站'])}工会`,
      headcount(rng, [[80, 600, 70], [600, 2000, 30]]),
    ),

  /** 省直机关工会: departments and their institutes. */
  provinceAgency: (rng) => {
    const r = rng.next();
    if (r < 0.4) return unit(`陕西省${rng.pick(PROVINCE_DEPARTMENTS)}机关工会`, rng.int(80, 600));
    if (r < 0.75) {
      const sub = rng.pick(['机关服务中心', '信息中心', '宣传教育中心', '培训中心', '综合执法总队', '档案馆', '发展研究中心', '后勤服务中心']);
      return unit(`陕西省${rng.pick(PROVINCE_DEPARTMENTS)}${sub}工会`, rng.int(20, 200));
    }
    const what = rng.pick(['服务中心', '评估中心', '信息中心', '事务中心', '研究院', '发展中心', '监测中心', '技术推广总站', '质量检验中心', '人才交流中心']);
    return unit(`陕西省${rng.pick(PROVINCE_INSTITUTE_FIELDS)}${what}工会`, rng.int(20, 200));
  },

  /** Subsidiaries of the 单列单位 SOE groups (names built from the group's short name). */
  oilSubsidiary: (rng, p) =>
    unit(`延长石油${p.countyStem}${brand(rng)}${rng.pick(['采油厂', '炼化有限公司', '天然气有限公司', '销售分公司', '运输有限公司'])}工会`, headcount(rng, LARGE)),
  coalSubsidiary: (rng, p) =>
    unit(`陕煤集团${p.countyStem}${brand(rng)}${rng.pick(['矿业有限公司', '煤矿', '化工有限公司', '电力有限公司', '物流有限公司'])}工会`, headcount(rng, LARGE)),
  metalSubsidiary: (rng, p) =>
    unit(`陕西有色${p.countyStem}${brand(rng)}${rng.pick(['冶炼有限公司', '钼业有限公司', '矿业有限公司', '铝业有限公司', '钛业有限公司'])}工会`, headcount(rng, LARGE)),
} satisfies Record<string, Maker>;

export type MakerId = keyof typeof MAKERS;

/** Mix under an urban district or 开发区 union (joint + joint-ish gig ≈ 8–9% of the total). */
export const URBAN_KINDS: readonly (readonly [MakerId, number])[] = [
  ['company', 34], ['localSoe', 3], ['school', 9], ['kindergarten', 2], ['vocationalSchool', 1], ['hospital', 2],
  ['privateHospital', 1], ['clinic', 2], ['agency', 8], ['gig', 8], ['joint', 7], ['project', 2],
  ['restaurant', 5], ['retail', 5], ['services', 6],
];

/** Mix under a 县 or 县级市 union: fewer services, 农民专业合作社 appear. */
export const RURAL_KINDS: readonly (readonly [MakerId, number])[] = [
  ['company', 30], ['localSoe', 3], ['school', 11], ['kindergarten', 2], ['vocationalSchool', 1], ['hospital', 3],
  ['clinic', 2], ['agency', 10], ['gig', 5], ['joint', 7], ['coop', 8], ['project', 2], ['restaurant', 3],
  ['retail', 4], ['services', 3],
];

/** Mix under a 街道 union: small firms, street offices, community services, more 联合工会. */
export const STREET_KINDS: readonly (readonly [MakerId, number])[] = [
  ['company', 26], ['school', 6], ['kindergarten', 3], ['clinic', 4], ['agency', 6], ['gig', 8], ['joint', 11],
  ['restaurant', 6], ['retail', 6], ['services', 6],
];

/** Mix under a 镇 union. */
export const TOWN_KINDS: readonly (readonly [MakerId, number])[] = [
  ['company', 20], ['school', 8], ['kindergarten', 2], ['clinic', 4], ['agency', 6], ['gig', 3], ['joint', 9],
  ['coop', 14], ['restaurant', 3], ['retail', 4],
];

/** Mix directly under a city union (市直单位). */
export const CITY_KINDS: readonly (readonly [MakerId, number])[] = [
  ['localSoe', 4], ['company', 8], ['hospital', 3], ['agency', 3], ['scienceCulture', 2],
];
