import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { makeCreditCode } from '../../../core/cn/credit-code';
import { makeIdNumber } from '../../../core/cn/id-number';
import { openField } from '../../../core/crypto';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { defineModule } from '../../../core/module';
import type { SubtreeMove, UnitHandover } from '../../../core/org/org-changes';
import { subtreeOf } from '../../../core/org/tree';
import { sealPersonField } from '../../../core/person/person-fields';
import { testPlatformKeys } from '../../../core/platform/test-keys';
import { createOrgUnit, createStaff, type TestOrg } from '../../../core/testing/factories';
import { buildTestApp, type SessionHeaders, signIn } from '../../../core/testing/test-app';
import { findStatDrift, rebuildStats } from '../../members';
import { MODULES } from '../../../server/modules';
import type { TOrgDetail } from '../contract';
import { ORG_CONTACT_PHONE_CONTEXT } from './org-fields';

const PASSWORD = 'Correct-Horse-42';
const UNION_CODE = makeCreditCode('8', '1', '610113', 'ABCD1234');
const EMPLOYER_CODE = makeCreditCode('9', '1', '610113', 'MA0B1C2D');
/** The same code with its check character changed: the GB 32100 checksum fails. */
const BAD_CODE = `${UNION_CODE.slice(0, 17)}${UNION_CODE.endsWith('0') ? '1' : '0'}`;

describeEachEngine('orgs module: changing the tree', (engine) => {
  const database = useFreshDatabase(engine);
  const keys = testPlatformKeys();

  /**
   * 省总 → 西安市总 → {雁塔区总 → 基层工会 G, 碑林区总}. Clerks at 西安 and at each
   * county, a reviewer (no orgs.write) at 雁塔. A recording module listens to the tree.
   */
  async function world() {
    const db = database().kysely;
    const province = await createOrgUnit(db, { type: 'province', name: '陕西省总工会' });
    const xian = await createOrgUnit(db, { parent: province, type: 'city', name: '西安市总工会' });
    const yanta = await createOrgUnit(db, { parent: xian, type: 'county', name: '雁塔区总工会' });
    const beilin = await createOrgUnit(db, { parent: xian, type: 'county', name: '碑林区总工会' });
    const grassroots = await createOrgUnit(db, { parent: yanta, type: 'grassroots', name: '雁塔某公司工会', employeeCount: 80 });
    for (const [login, org, roles] of [
      ['xian-clerk', xian, ['clerk']],
      ['yanta-clerk', yanta, ['clerk']],
      ['yanta-reviewer', yanta, ['reviewer']],
      ['beilin-clerk', beilin, ['clerk']],
    ] as const) {
      await createStaff(db, { login, org, roles: [...roles] });
    }
    const moves: SubtreeMove[] = [];
    const handovers: UnitHandover[] = [];
    const recorder = defineModule({
      id: 'recorder',
      label: '测试',
      permissions: [],
      routes: [],
      nav: [],
      migrations: [],
      orgListeners: {
        subtreeMoved: async (_db, move) => {
          moves.push(move);
        },
        unitHandedOver: async (_db, handover) => {
          handovers.push(handover);
          return { label: '测试记录', count: 3 };
        },
      },
    });
    const app = await buildTestApp(database(), [...MODULES, recorder], { keys });
    const sessions = new Map<string, SessionHeaders>();
    const as = async (login: string) => {
      if (!sessions.has(login)) sessions.set(login, await signIn(app, login, PASSWORD));
      return sessions.get(login)!;
    };
    const call = async (login: string, request: InjectOptions) => app.inject({ ...request, headers: await as(login) });
    const post = (login: string, url: string, payload: object = {}) => call(login, { method: 'POST', url, payload });
    const put = (login: string, url: string, payload: object) => call(login, { method: 'PUT', url, payload });
    const get = (login: string, url: string) => call(login, { method: 'GET', url });
    const detail = async (login: string, id: number): Promise<TOrgDetail> => (await get(login, `/api/orgs/${id}`)).json();
    const events = (action: string) => db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();
    const unit = (id: number) => db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { db, app, units: { province, xian, yanta, beilin, grassroots }, post, put, get, detail, events, unit, moves, handovers };
  }

  /** Persons with a current membership at `org`, inserted directly. */
  async function addMembers(db: ReturnType<typeof database>['kysely'], org: TestOrg, count: number, firstSequence: number) {
    const ids: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const idNumber = makeIdNumber('610113', '1990-05-01', firstSequence + index);
      const sealed = sealPersonField(keys.ring, 'idNumber', idNumber);
      const person = await db
        .insertInto('person')
        .values({
          id_number_envelope: sealed.envelope,
          id_number_index: sealed.index,
          id_number_masked: sealed.masked,
          name: `会员${firstSequence + index}`,
          gender: 'female',
          birth_date: '1990-05-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const membership = await db
        .insertInto('members_membership')
        .values({
          person_id: person.id,
          org_unit_id: org.id,
          org_path: org.path,
          status: 'active',
          joined_on: '2020-01-01',
          started_on: '2020-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(membership.id);
    }
    return ids;
  }

  it('creates a grassroots union under the county with its registry fields, a generated code and the contact phone sealed', async () => {
    const { post, get, db, units, events } = await world();
    const response = await post('yanta-clerk', '/api/orgs', {
      parentId: units.yanta.id,
      type: 'grassroots',
      name: '  西安雁塔示例科技有限公司工会 ',
      shortName: '示例科技工会',
      creditCode: UNION_CODE.toLowerCase(),
      employerName: '西安雁塔示例科技有限公司',
      employerCreditCode: EMPLOYER_CODE,
      regionCode: '610113',
      industryCode: 'I',
      unitCategory: '170',
      address: '西安市雁塔区科技路 1 号',
      establishedOn: '2019-04-28',
      chairName: '陈晓明',
      contactName: '李娜',
      contactPhone: '138 0013 8000',
      employeeCount: 120,
      womenCount: 50,
      migrantCount: 20,
    });
    expect(response.statusCode, response.body).toBe(200);
    const created: TOrgDetail = response.json();
    expect(created).toMatchObject({
      parentId: units.yanta.id,
      name: '西安雁塔示例科技有限公司工会',
      type: 'grassroots',
      code: `${units.yanta.code}-0001`,
      creditCode: UNION_CODE,
      employerCreditCode: EMPLOYER_CODE,
      industryCode: 'I',
      unitCategory: '170',
      establishedOn: '2019-04-28',
      contactPhoneMasked: '138****8000',
      employeeCount: 120,
      womenCount: 50,
      migrantCount: 20,
      status: 'active',
      depth: 3,
      mergedInto: null,
      dissolvedOn: null,
    });
    // Ancestors from the caller's own unit down.
    expect(created.ancestors.map((unit) => unit.name)).toEqual(['雁塔区总工会']);
    expect(response.body).not.toContain('13800138000');

    const row = await db.selectFrom('org_unit').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.path).toBe(`${units.yanta.path}${created.id}.`);
    expect(openField(keys.ring, row.contact_phone_envelope!, ORG_CONTACT_PHONE_CONTEXT)).toBe('13800138000');
    expect(() => openField(keys.ring, row.contact_phone_envelope!, 'person.phone')).toThrow();

    // A second child gets the next code; the detail and the children list show the unit.
    const second = await post('yanta-clerk', '/api/orgs', { parentId: units.yanta.id, type: 'joint_grassroots', name: '科技路联合工会' });
    expect(second.json().code).toBe(`${units.yanta.code}-0002`);
    const children = (await get('yanta-clerk', `/api/orgs/children?parentId=${units.yanta.id}`)).json();
    expect(children.items.map((item: { name: string }) => item.name)).toEqual(['雁塔某公司工会', '西安雁塔示例科技有限公司工会', '科技路联合工会']);

    const [event, next] = await events('orgs.create');
    expect(event).toMatchObject({ category: 'write', target_type: 'org_unit', target_id: String(created.id), actor_login: 'yanta-clerk' });
    expect(event!.details).toEqual({ parentId: units.yanta.id, type: 'grassroots', code: `${units.yanta.code}-0001` });
    expect(next).toBeDefined();
    const trail = JSON.stringify(await db.selectFrom('audit_event').selectAll().execute());
    expect(trail).not.toContain('13800138000');
    expect(trail).not.toContain('李娜');
  });

  it('refuses bad input on create with a Chinese message naming the field, and records nothing', async () => {
    const { post, units, events, db } = await world();
    const base = { parentId: units.yanta.id, type: 'grassroots', name: '新建工会' };
    const cases: [object, number, string, string][] = [
      [{ creditCode: BAD_CODE }, 400, 'creditCode', '工会统一社会信用代码校验位错误'],
      [{ creditCode: '12345' }, 400, 'creditCode', '工会统一社会信用代码应为 18 位'],
      [{ employerCreditCode: BAD_CODE }, 400, 'employerCreditCode', '所在单位统一社会信用代码校验位错误'],
      [{ regionCode: '991234' }, 400, 'regionCode', '行政区划代码前两位“99”不是有效的省级行政区划代码'],
      [{ contactPhone: '12345' }, 400, 'contactPhone', '联系电话'],
      [{ employeeCount: 10, womenCount: 11 }, 400, 'womenCount', '女职工人数（11）不能超过职工人数（10）'],
      [{ employeeCount: 10, migrantCount: 12 }, 400, 'migrantCount', '农民工人数（12）不能超过职工人数（10）'],
      [{ establishedOn: '2019-02-30' }, 400, 'establishedOn', '成立日期“2019-02-30”不是有效的日期'],
      [{ establishedOn: '2999-01-01' }, 400, 'establishedOn', '成立日期不能晚于今天'],
      [{ industryCode: 'Z' }, 400, 'industryCode', '请选择所属行业门类'],
      [{ unitCategory: '999' }, 400, 'unitCategory', '请选择单位类别'],
      [{ name: '  ' }, 400, 'name', '请输入组织名称'],
      [{ type: 'province' }, 400, 'type', '请选择组织类型'],
      [{ type: 'branch' }, 400, 'type', '县(市、区)总工会下不能设立分会/工会小组'],
      [{ type: 'county' }, 400, 'type', '县(市、区)总工会下不能设立县(市、区)总工会'],
      [{ name: '雁塔某公司工会' }, 409, 'name', '上级组织下已有名为「雁塔某公司工会」的组织'],
      [{ code: units.grassroots.code }, 409, 'code', `组织代码 ${units.grassroots.code} 已被使用`],
      [{ code: '中文' }, 400, 'code', '组织代码应为 2–40 位大写字母、数字或连字符'],
    ];
    for (const [change, status, field, message] of cases) {
      const response = await post('yanta-clerk', '/api/orgs', { ...base, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      expect(response.json().error.field, JSON.stringify(change)).toBe(field);
      expect(response.json().error.message, JSON.stringify(change)).toContain(message);
    }
    // A grassroots union takes only branches.
    const underGrassroots = await post('yanta-clerk', '/api/orgs', { parentId: units.grassroots.id, type: 'grassroots', name: '下级' });
    expect(underGrassroots.json().error).toMatchObject({ field: 'type', message: expect.stringContaining('基层工会下不能设立基层工会（其下可设立：分会/工会小组）') });
    // A parent outside the caller's subtree does not exist for them.
    const outside = await post('yanta-clerk', '/api/orgs', { ...base, parentId: units.beilin.id });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'parentId', message: '组织不存在或无权访问' });
    // A dissolved parent takes no new units.
    await db.updateTable('org_unit').set({ status: 'dissolved', dissolved_on: '2026-01-01' }).where('id', '=', units.grassroots.id).execute();
    const dissolved = await post('yanta-clerk', '/api/orgs', { parentId: units.grassroots.id, type: 'branch', name: '一分会' });
    expect(dissolved.statusCode).toBe(409);
    expect(dissolved.json().error).toMatchObject({ field: 'parentId', message: '上级组织「雁塔某公司工会」已撤销' });

    expect(await events('orgs.create')).toEqual([]);
    expect(await db.selectFrom('org_unit').select('id').execute()).toHaveLength(5);
  });

  it('edits the registry fields from the current version only: a stale updatedAt answers 409', async () => {
    const { put, detail, units, events, unit } = await world();
    const before = await detail('yanta-clerk', units.grassroots.id);
    const edited = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, {
      updatedAt: before.updatedAt,
      name: '雁塔某股份公司工会',
      creditCode: UNION_CODE,
      unitCategory: '169',
      contactPhone: '13900139000',
      womenCount: 30,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '雁塔某股份公司工会', creditCode: UNION_CODE, unitCategory: '169', contactPhoneMasked: '139****9000', womenCount: 30, employeeCount: 80 });
    expect(edited.json().updatedAt).not.toBe(before.updatedAt);

    // Someone else's edit started from the old version: refused, nothing changed.
    const stale = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: before.updatedAt, name: '覆盖别人的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', message: '该组织已被他人修改，请刷新后重试' });
    expect((await unit(units.grassroots.id)).name).toBe('雁塔某股份公司工会');

    // null clears; a field left out stays; the counts are checked against what is stored.
    const current = edited.json().updatedAt;
    const cleared = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: current, contactPhone: null, unitCategory: null });
    expect(cleared.json()).toMatchObject({ contactPhoneMasked: null, unitCategory: null, creditCode: UNION_CODE });
    expect((await unit(units.grassroots.id)).contact_phone_envelope).toBeNull();
    const tooMany = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: cleared.json().updatedAt, womenCount: 81 });
    expect(tooMany.json().error).toMatchObject({ field: 'womenCount', message: '女职工人数（81）不能超过职工人数（80）' });

    // Only field names reach the audit trail.
    const trail = await events('orgs.edit');
    expect(trail.map((event) => event.details)).toEqual([
      { changed: ['name', 'creditCode', 'unitCategory', 'womenCount', 'contactPhone'] },
      { changed: ['unitCategory', 'contactPhone'] },
    ]);
    expect(JSON.stringify(trail)).not.toContain('13900139000');
  });

  it('changes a type only where the unit still fits under its parent and its children under it', async () => {
    const { post, put, detail, units } = await world();
    await post('yanta-clerk', '/api/orgs', { parentId: units.grassroots.id, type: 'branch', name: '一分会' });
    const grassroots = await detail('yanta-clerk', units.grassroots.id);
    const toFederation = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: grassroots.updatedAt, type: 'federation' });
    expect(toFederation.statusCode).toBe(400);
    expect(toFederation.json().error).toMatchObject({ field: 'type', message: '该组织现有下级不符合隶属规则：区域性/行业性工会联合会下不能设立分会/工会小组（其下可设立：基层工会、联合基层工会、项目工会）' });
    const toCity = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: grassroots.updatedAt, type: 'city' });
    expect(toCity.json().error).toMatchObject({ field: 'type', message: expect.stringContaining('县(市、区)总工会下不能设立市(区)总工会') });
    const toJoint = await put('yanta-clerk', `/api/orgs/${units.grassroots.id}`, { updatedAt: grassroots.updatedAt, type: 'joint_grassroots' });
    expect(toJoint.statusCode, toJoint.body).toBe(200);
    // The caller's own unit keeps the type the level above gave it.
    const own = await detail('yanta-clerk', units.yanta.id);
    const ownType = await put('yanta-clerk', `/api/orgs/${units.yanta.id}`, { updatedAt: own.updatedAt, type: 'township' });
    expect(ownType.statusCode).toBe(403);
    // Its other fields the caller may edit.
    const ownName = await put('yanta-clerk', `/api/orgs/${units.yanta.id}`, { updatedAt: own.updatedAt, address: '西安市雁塔区' });
    expect(ownName.statusCode).toBe(200);
  });

  it('moves a subtree of 100 units in one statement: paths, depths, ranges and listeners follow', async () => {
    const { db, post, get, units, events, moves } = await world();
    // A township under 雁塔 (depth 3) with 9 grassroots unions of 10 branches each: 100 units.
    const township = await createOrgUnit(db, { parent: units.yanta, type: 'township', name: '某街道工会' });
    let deepest: TestOrg = township;
    for (let g = 0; g < 9; g += 1) {
      const grassroots = await createOrgUnit(db, { parent: township, type: 'grassroots', name: `街道基层工会${g}` });
      for (let b = 0; b < 10; b += 1) deepest = await createOrgUnit(db, { parent: grassroots, type: 'branch', name: `分会${g}-${b}` });
    }
    const before = await db.selectFrom('org_unit').select(['id', 'path', 'depth']).where(subtreeOf('org_unit.path', township.path)).execute();
    expect(before).toHaveLength(100);
    const [member] = await addMembers(db, deepest, 1, 300);
    await rebuildStats(db);
    const members = async (unit: TestOrg) =>
      (await db.selectFrom('members_stat').select('value').where('org_unit_id', '=', unit.id).where('key', '=', 'members').executeTakeFirst())?.value ?? 0;
    expect(await members(units.yanta)).toBe(1);

    // Up one level, to 西安 itself (a city may hold a township).
    const moved = await post('xian-clerk', `/api/orgs/${township.id}/move`, { parentId: units.xian.id, on: '2026-11-01' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ movedUnits: 100, handedOver: [], unit: { parentId: units.xian.id, depth: 2 } });

    const newRoot = `${units.xian.path}${township.id}.`;
    const after = await db.selectFrom('org_unit').select(['id', 'path', 'depth']).where(subtreeOf('org_unit.path', newRoot)).execute();
    expect(after).toHaveLength(100);
    const oldById = new Map(before.map((row) => [row.id, row]));
    for (const row of after) {
      const old = oldById.get(row.id)!;
      expect(row.path).toBe(newRoot + old.path.slice(township.path.length));
      expect(row.depth).toBe(old.depth - 1);
      expect(row.path.split('.').length - 2).toBe(row.depth);
    }
    expect(await db.selectFrom('org_unit').select('id').where(subtreeOf('org_unit.path', township.path)).execute()).toEqual([]);
    expect(await db.selectFrom('org_unit').select('id').where(subtreeOf('org_unit.path', units.yanta.path)).execute()).toHaveLength(2);

    // A unit deep in the moved subtree is still found, with its new chain of ancestors.
    const branch = (await get('xian-clerk', `/api/orgs/${deepest.id}`)).json();
    expect(branch.ancestors.map((unit: { name: string }) => unit.name)).toEqual(['西安市总工会', '某街道工会', '街道基层工会8']);
    expect((await get('yanta-clerk', `/api/orgs/${deepest.id}`)).statusCode).toBe(404);
    expect((await get('xian-clerk', `/api/orgs/children?parentId=${township.id}`)).json().total).toBe(9);

    // The members module keeps the copied path of a membership deep in the subtree in step.
    const membership = await db.selectFrom('members_membership').select(['org_unit_id', 'org_path']).where('id', '=', member!).executeTakeFirstOrThrow();
    expect(membership).toEqual({ org_unit_id: deepest.id, org_path: newRoot + deepest.path.slice(township.path.length) });
    // …and carries the subtree's figures from the old ancestors to the new ones.
    expect(await members(units.yanta)).toBe(0);
    expect(await findStatDrift(db)).toEqual([]);

    expect(moves).toEqual([{ unitId: township.id, fromPath: township.path, toPath: newRoot, on: '2026-11-01', actorAccountId: expect.any(Number) }]);
    const [event] = await events('orgs.move');
    expect(event!.details).toEqual({ fromParentId: units.yanta.id, toParentId: units.xian.id, on: '2026-11-01', movedUnits: 100, changed: true });
  });

  it('refuses a move into the unit own subtree, of the caller own unit, against the type rules or outside the scope', async () => {
    const { db, post, units, events } = await world();
    const branch = await createOrgUnit(db, { parent: units.grassroots, type: 'branch', name: '一分会' });
    const intoOwn = await post('xian-clerk', `/api/orgs/${units.yanta.id}/move`, { parentId: units.grassroots.id });
    expect(intoOwn.statusCode).toBe(400);
    expect(intoOwn.json().error).toMatchObject({ field: 'parentId', message: '不能将「雁塔区总工会」调整到其自身或其下级组织之下' });
    const ontoItself = await post('xian-clerk', `/api/orgs/${units.yanta.id}/move`, { parentId: units.yanta.id });
    expect(ontoItself.statusCode).toBe(400);
    const ownUnit = await post('yanta-clerk', `/api/orgs/${units.yanta.id}/move`, { parentId: units.beilin.id });
    expect(ownUnit.statusCode).toBe(403);
    expect(ownUnit.json().error.message).toBe('不能调整本组织的隶属关系，请由上级工会办理');
    const wrongType = await post('xian-clerk', `/api/orgs/${branch.id}/move`, { parentId: units.beilin.id });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ field: 'parentId', message: expect.stringContaining('县(市、区)总工会下不能设立分会/工会小组') });
    const outside = await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/move`, { parentId: units.beilin.id });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.field).toBe('parentId');
    // The same parent again changes nothing, and says so.
    const same = await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/move`, { parentId: units.yanta.id });
    expect(same.json().movedUnits).toBe(0);
    expect((await events('orgs.move')).map((event) => event.details)).toEqual([
      { fromParentId: units.yanta.id, toParentId: units.yanta.id, on: expect.any(String), movedUnits: 0, changed: false },
    ]);
  });

  it('dissolves a unit: its members move to the receiving union with a unit_dissolved event, and the listeners report counts', async () => {
    const { db, post, units, events, handovers, unit } = await world();
    const members = await addMembers(db, units.grassroots, 3, 100);
    await rebuildStats(db);
    // The employer registry (建会率): one employer the union covers, one it is responsible for organizing.
    await db.insertInto('employer_unit').values([
      { credit_code: '91610113MA6TEST01X', name: '被撤销工会的单位', employee_count: 40, responsible_org_unit_id: units.yanta.id, responsible_path: units.yanta.path, union_org_unit_id: units.grassroots.id },
      { credit_code: '91610113MA6TEST02X', name: '待建会单位', employee_count: 30, responsible_org_unit_id: units.grassroots.id, responsible_path: units.grassroots.path, union_org_unit_id: null },
    ]).execute();
    // A clerk of the dissolved union: the role goes with it, and is not handed to the receiving union.
    const grassrootsClerk = await createStaff(db, { login: 'grassroots-clerk', org: units.grassroots, roles: ['clerk'] });
    const response = await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, { on: '2026-11-20' });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.unit).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-11-20' });
    expect(result.handedOver).toContainEqual({ label: '测试记录', count: 3 });
    expect(handovers).toEqual([
      {
        from: { id: units.grassroots.id, path: units.grassroots.path },
        to: { id: units.yanta.id, path: units.yanta.path },
        kind: 'dissolved',
        on: '2026-11-20',
        actorAccountId: expect.any(Number),
      },
    ]);
    expect((await unit(units.grassroots.id)).status).toBe('dissolved');
    const [event] = await events('orgs.dissolve');
    expect(event!.details).toMatchObject({ receivingUnitId: units.yanta.id, on: '2026-11-20' });

    // The members module's listener: every current membership is now at the receiving union, with history.
    const memberships = await db.selectFrom('members_membership').select(['id', 'org_unit_id', 'org_path', 'status']).where('id', 'in', members).execute();
    expect(memberships.map((row) => [row.org_unit_id, row.org_path, row.status])).toEqual(
      members.map(() => [units.yanta.id, units.yanta.path, 'active']),
    );
    const history = await db.selectFrom('members_membership_event').select(['membership_id', 'kind']).where('kind', '=', 'unit_dissolved').execute();
    expect(history.map((row) => row.membership_id).sort()).toEqual([...members].sort());
    expect(await findStatDrift(db)).toEqual([]);
    expect(result.handedOver).toContainEqual({ label: '撤销岗位授权', count: 1 });
    expect(await db.selectFrom('role_assignment').select('org_unit_id').where('account_id', '=', grassrootsClerk.id).execute()).toEqual([]);
    expect(result.handedOver.reduce((sum: number, item: { count: number }) => sum + item.count, 0)).toBe(3 + 3 + 1);
    const employers = await db.selectFrom('employer_unit').select(['name', 'responsible_org_unit_id', 'union_org_unit_id']).orderBy('name').execute();
    expect(employers).toEqual([
      { name: '待建会单位', responsible_org_unit_id: units.yanta.id, union_org_unit_id: null },
      { name: '被撤销工会的单位', responsible_org_unit_id: units.yanta.id, union_org_unit_id: null },
    ]);
  });

  it('refuses to dissolve a unit with active children, the caller own unit, or into its own subtree', async () => {
    const { db, post, units, events } = await world();
    const branch = await createOrgUnit(db, { parent: units.grassroots, type: 'branch', name: '一分会' });
    const withChildren = await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, {});
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().error.message).toBe('「雁塔某公司工会」下还有 1 个未撤销的下级组织，请先撤销或迁移下级组织');
    const intoOwnSubtree = await post('xian-clerk', `/api/orgs/${branch.id}/dissolve`, { receivingUnitId: branch.id });
    expect(intoOwnSubtree.json().error).toMatchObject({ field: 'receivingUnitId' });
    const outside = await post('yanta-clerk', `/api/orgs/${branch.id}/dissolve`, { receivingUnitId: units.beilin.id });
    expect(outside.statusCode).toBe(404);
    expect((await post('yanta-clerk', `/api/orgs/${units.yanta.id}/dissolve`, {})).statusCode).toBe(403);
    // Children first: the branch, then the grassroots union (now without active children).
    expect((await post('yanta-clerk', `/api/orgs/${branch.id}/dissolve`, {})).statusCode).toBe(200);
    const again = await post('yanta-clerk', `/api/orgs/${branch.id}/dissolve`, {});
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: '该组织「一分会」已撤销' });
    expect((await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, {})).statusCode).toBe(200);
    // A dissolved unit receives nobody.
    const intoDissolved = await post('xian-clerk', `/api/orgs/${units.beilin.id}/dissolve`, { receivingUnitId: units.grassroots.id });
    expect(intoDissolved.json().error).toMatchObject({ code: 'CONFLICT', field: 'receivingUnitId' });
    expect(await events('orgs.dissolve')).toHaveLength(2);
  });

  it('merges a unit into another: children move under it, members are handed over, the unit ends dissolved with merged_into_id', async () => {
    const { db, post, get, units, events, moves, handovers, unit } = await world();
    const second = await createOrgUnit(db, { parent: units.yanta, type: 'grassroots', name: '雁塔另一公司工会' });
    const branches = [
      await createOrgUnit(db, { parent: units.grassroots, type: 'branch', name: '一分会' }),
      await createOrgUnit(db, { parent: units.grassroots, type: 'branch', name: '二分会' }),
    ];
    const members = await addMembers(db, units.grassroots, 2, 200);

    const response = await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/merge`, { intoId: second.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ movedUnits: 2, unit: { status: 'dissolved', mergedInto: { id: second.id, name: '雁塔另一公司工会' } } });
    const merged = await unit(units.grassroots.id);
    expect(merged).toMatchObject({ status: 'dissolved', merged_into_id: second.id });
    for (const branch of branches) {
      expect(await unit(branch.id)).toMatchObject({ parent_id: second.id, path: `${second.path}${branch.id}.`, depth: 4 });
    }
    expect(moves.map((move) => [move.unitId, move.toPath])).toEqual(branches.map((branch) => [branch.id, `${second.path}${branch.id}.`]));
    expect(handovers).toEqual([expect.objectContaining({ kind: 'merged', from: { id: units.grassroots.id, path: units.grassroots.path }, to: { id: second.id, path: second.path } })]);
    expect((await get('yanta-clerk', `/api/orgs/children?parentId=${second.id}`)).json().total).toBe(2);
    const [event] = await events('orgs.merge');
    expect(event!.details).toMatchObject({ intoId: second.id, movedChildren: 2, movedUnits: 2 });

    const memberships = await db.selectFrom('members_membership').select(['org_unit_id']).where('id', 'in', members).execute();
    expect(memberships.map((row) => row.org_unit_id)).toEqual([second.id, second.id]);
    const history = await db.selectFrom('members_membership_event').select('kind').where('membership_id', 'in', members).execute();
    expect(history.map((row) => row.kind)).toEqual(['unit_merged', 'unit_merged']);
  });

  it('refuses a merge into the unit own subtree, into a unit whose type does not take the children, or by the caller of their own unit', async () => {
    const { db, post, units } = await world();
    const township = await createOrgUnit(db, { parent: units.yanta, type: 'township', name: '某街道工会' });
    await createOrgUnit(db, { parent: township, type: 'grassroots', name: '街道基层工会' });
    const intoChild = await post('xian-clerk', `/api/orgs/${units.yanta.id}/merge`, { intoId: township.id });
    expect(intoChild.json().error).toMatchObject({ field: 'intoId', message: '不能将「雁塔区总工会」合并到其自身或其下级组织' });
    const wrongType = await post('yanta-clerk', `/api/orgs/${township.id}/merge`, { intoId: units.grassroots.id });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('下级组织「街道基层工会」不能随合并转入「雁塔某公司工会」：基层工会下不能设立基层工会');
    const own = await post('yanta-clerk', `/api/orgs/${units.yanta.id}/merge`, { intoId: units.grassroots.id });
    expect(own.json().error).toMatchObject({ code: 'FORBIDDEN', message: '不能合并本组织，请由上级工会办理' });
    expect((await post('yanta-clerk', `/api/orgs/${units.grassroots.id}/merge`, { intoId: units.beilin.id })).statusCode).toBe(404);
    expect((await post('xian-clerk', `/api/orgs/${units.yanta.id}/merge`, { intoId: units.xian.id })).statusCode).toBe(200);
    expect((await post('xian-clerk', `/api/orgs/${units.xian.id}/merge`, { intoId: units.beilin.id })).statusCode).toBe(403);
  });

  it('keeps a county user out of the sibling county (404 on every write route) and a reviewer out of all of them (403)', async () => {
    const { post, put, detail, units, events, db } = await world();
    const sibling = await createOrgUnit(db, { parent: units.beilin, type: 'grassroots', name: '碑林某公司工会' });
    const beilinDetail = await detail('xian-clerk', sibling.id);
    const attempts = [
      () => post('yanta-clerk', '/api/orgs', { parentId: units.beilin.id, type: 'grassroots', name: '越权新建' }),
      () => put('yanta-clerk', `/api/orgs/${sibling.id}`, { updatedAt: beilinDetail.updatedAt, name: '越权修改' }),
      () => post('yanta-clerk', `/api/orgs/${sibling.id}/move`, { parentId: units.yanta.id }),
      () => post('yanta-clerk', `/api/orgs/${sibling.id}/dissolve`, { receivingUnitId: units.yanta.id }),
      () => post('yanta-clerk', `/api/orgs/${sibling.id}/merge`, { intoId: units.grassroots.id }),
      () => post('yanta-clerk', `/api/orgs/${units.grassroots.id}/merge`, { intoId: sibling.id }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().error.message).toBe('组织不存在或无权访问');
    }
    const reviewer = await post('yanta-reviewer', '/api/orgs', { parentId: units.yanta.id, type: 'grassroots', name: '审核人新建' });
    expect(reviewer.statusCode).toBe(403);
    expect((await detail('xian-clerk', sibling.id)).name).toBe('碑林某公司工会');
    expect(await db.selectFrom('audit_event').select('seq').where('action', 'like', 'orgs.%').execute()).toEqual([]);
    expect(await events('orgs.create')).toEqual([]);
  });
});
