namespace Midx.App.Connect;

/// <summary>
/// Marks a page an API app's own users open (hosted connect): they have no Midx account, so the layout offers them no
/// Sign in. Read from the page's endpoint metadata, like <c>[ExcludeFromInteractiveRouting]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ForIntegratorsUsersAttribute : Attribute;
