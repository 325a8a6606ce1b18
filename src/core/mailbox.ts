/**
 * A mail's sender as gongshu shows it where lists leave the office: the display name stays (it is the unit or
 * the person who sent the form, as the lists name them), the address keeps its first character and its
 * domain (`z***@qq.com`): a QQ number or a mobile number used as an address is personal data.
 */
export function maskMailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address === '' ? '' : `${[...address][0]}***`;
  return `${[...address.slice(0, at)][0]}***${address.slice(at)}`;
}

/** `张三 <zhangsan@qq.com>` → `张三 <z***@qq.com>`; every address in the text is masked. */
export function maskMailSender(sender: string): string {
  return sender.replace(/[^\s<>"',;]+@[^\s<>"',;]+/gu, (address) => maskMailAddress(address));
}
