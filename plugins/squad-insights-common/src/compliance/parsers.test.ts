import { parseProperties } from './parsers';

describe('parseProperties', () => {
  it("reads the design document's MSK server_properties, trailing comments included", () => {
    const text = [
      '# Svenska financial transaction requirements',
      'auto.create.topics.enable=false',
      'log.retention.hours=61320  # 7 years för financial record retention',
      'log.retention.bytes=1073741824000  # 1TB per partition',
      '',
      '   ssl.client.auth = required',
      '! an old-style comment',
      'unclean.leader.election.enable=false',
    ].join('\n');
    expect(parseProperties(text)).toEqual({
      'auto.create.topics.enable': 'false',
      'log.retention.hours': '61320',
      'log.retention.bytes': '1073741824000',
      'ssl.client.auth': 'required',
      'unclean.leader.election.enable': 'false',
    });
  });

  it('follows java.util.Properties for separators, continuations and escapes', () => {
    expect(
      parseProperties(
        [
          'a: 1',
          'b 2',
          'c=x\\',
          '   y',
          'd\\=e=3',
          'f=\\u00e4\\tg',
          'h=',
          'a=4',
          'i=#not-a-comment',
        ].join('\r\n'),
      ),
    ).toEqual({
      a: '4',
      b: '2',
      c: 'xy',
      'd=e': '3',
      f: 'ä\tg',
      h: '',
      i: '#not-a-comment',
    });
  });
});
