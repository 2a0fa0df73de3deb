import { describe, expect, it } from 'vitest';
import { featureName, nameField } from './featureName';

describe('featureName', () => {
  it('reads name, then Chinese headers (名称, 名字, 标题), then common English ones', () => {
    expect(featureName({ name: '五大道', 名称: 'x' })).toBe('五大道');
    expect(featureName({ 名称: '某社区卫生服务中心' })).toBe('某社区卫生服务中心');
    expect(featureName({ 名字: '小白楼' })).toBe('小白楼');
    expect(featureName({ 标题: '某项目' })).toBe('某项目');
    expect(featureName({ NAME: 'Site A' })).toBe('Site A');
    expect(featureName({ 名称: '  ', 标题: 'b' })).toBe('b');
    expect(featureName({ other: 1 })).toBe('');
    expect(featureName(null)).toBe('');
  });

  it('prefers name_en in English, falling back to the Chinese name', () => {
    expect(featureName({ name: '五大道', name_en: 'Wudadao' }, 'en')).toBe('Wudadao');
    expect(featureName({ 名称: '某医院' }, 'en')).toBe('某医院');
  });

  it('finds the name column among a layer’s columns', () => {
    expect(nameField(['地址', '名称', '床位'])).toBe('名称');
    expect(nameField(['x', 'y'])).toBeUndefined();
  });
});
